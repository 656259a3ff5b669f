package app.booksflow.json;

import app.booksflow.model.DomainException;
import app.booksflow.model.id.EntityId;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import app.booksflow.model.receipt.Confidence;
import app.booksflow.model.receipt.Sha256;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the domain's value types look in JSON, kept out of the domain classes themselves:
 * ids are plain UUID strings, money is {@code {"amount": "12.50", "currency": "EUR"}} with the amount
 * as a string (so no JSON reader can turn it into a binary float), tax rates are percent strings,
 * hashes are hex strings and confidences whole numbers.
 */
final class DomainModule extends SimpleModule {

    DomainModule() {
        super("BooksFlowDomain");
        addSerializer(EntityId.class, ToStringSerializer.instance);

        addSerializer(Money.class, new MoneySerializer());
        addDeserializer(Money.class, new MoneyDeserializer());

        addSerializer(Currency.class, new StdSerializer<>(Currency.class) {
            @Override
            public void serialize(Currency value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.getCurrencyCode());
            }
        });
        addDeserializer(Currency.class, new StringValueDeserializer<>(Currency.class, Currencies::of));

        addSerializer(TaxRate.class, new StdSerializer<>(TaxRate.class) {
            @Override
            public void serialize(TaxRate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.percent().toPlainString());
            }
        });
        addDeserializer(TaxRate.class, new StringValueDeserializer<>(TaxRate.class, TaxRate::ofPercent));

        addSerializer(Sha256.class, ToStringSerializer.instance);
        addDeserializer(Sha256.class, new StringValueDeserializer<>(Sha256.class, Sha256::new));

        addSerializer(Confidence.class, new StdSerializer<>(Confidence.class) {
            @Override
            public void serialize(Confidence value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(value.percent());
            }
        });
        addDeserializer(Confidence.class, new StdDeserializer<>(Confidence.class) {
            @Override
            public Confidence deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                    return (Confidence) ctxt.handleUnexpectedToken(Confidence.class, p);
                }
                int percent = p.getIntValue();
                return domain(p, () -> new Confidence(percent));
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new EntityIdDeserializers());
    }

    /**
     * Runs a domain constructor; a value it refuses becomes a mapping error at the right place in the
     * document, with the {@link DomainException} (and its code) kept as the cause.
     */
    static <T> T domain(JsonParser p, Supplier<T> construct) throws JsonMappingException {
        try {
            return construct.get();
        } catch (DomainException e) {
            throw JsonMappingException.from(p, e.getMessage(), e);
        }
    }

    private static final class MoneySerializer extends StdSerializer<Money> {
        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.amount().toPlainString());
            gen.writeStringField("currency", value.currency().getCurrencyCode());
            gen.writeEndObject();
        }
    }

    /** Reads the amount exactly, from a string or a JSON number, and refuses extra decimals. */
    private static final class MoneyDeserializer extends StdDeserializer<Money> {
        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p); // not p.readValueAsTree(): that reads as a whole body, which must end here
            if (node == null || !node.isObject()) {
                return (Money) ctxt.handleUnexpectedToken(Money.class, p);
            }
            JsonNode amount = node.get("amount");
            JsonNode currency = node.get("currency");
            if (amount == null || currency == null || !currency.isTextual()) {
                return (Money) ctxt.reportInputMismatch(Money.class,
                        "An amount needs \"amount\" and \"currency\", like {\"amount\": \"12.50\", \"currency\": \"EUR\"}.");
            }
            BigDecimal value;
            if (amount.isTextual()) {
                String text = amount.textValue().strip();
                if (!text.matches("[+-]?\\d+(\\.\\d+)?")) {
                    return (Money) ctxt.reportInputMismatch(Money.class, "'" + text + "' is not an amount; write it like \"1234.56\".");
                }
                value = new BigDecimal(text);
            } else if (amount.isNumber() && !amount.isDouble() && !amount.isFloat()) {
                value = amount.decimalValue();
            } else {
                return (Money) ctxt.reportInputMismatch(Money.class, "An amount must be a decimal string such as \"12.50\".");
            }
            BigDecimal exact = value;
            return domain(p, () -> Money.of(exact, Currencies.of(currency.textValue())));
        }
    }

    /** A value type that is written as a single JSON string. */
    private static final class StringValueDeserializer<T> extends StdDeserializer<T> {
        private final Function<String, T> parser;

        StringValueDeserializer(Class<T> type, Function<String, T> parser) {
            super(type);
            this.parser = parser;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            return domain(p, () -> parser.apply(text));
        }
    }

    /** Finds the deserializer of any typed id: every id record has a constructor taking its UUID. */
    private static final class EntityIdDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription beanDesc) {
            Class<?> raw = type.getRawClass();
            if (!EntityId.class.isAssignableFrom(raw) || raw.isInterface()) {
                return null;
            }
            try {
                return new EntityIdDeserializer<>(raw.asSubclass(EntityId.class).getConstructor(UUID.class));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(raw.getName() + " has no constructor taking a UUID", e);
            }
        }
    }

    private static final class EntityIdDeserializer<T extends EntityId> extends StdDeserializer<T> {
        private final Constructor<T> constructor;

        EntityIdDeserializer(Constructor<T> constructor) {
            super(constructor.getDeclaringClass());
            this.constructor = constructor;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            UUID uuid;
            try {
                uuid = UUID.fromString(p.getText().strip());
            } catch (IllegalArgumentException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), p.getText(), "not a valid id");
            }
            try {
                return constructor.newInstance(uuid);
            } catch (InvocationTargetException e) {
                throw ctxt.instantiationException(handledType(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw ctxt.instantiationException(handledType(), e);
            }
        }
    }
}
