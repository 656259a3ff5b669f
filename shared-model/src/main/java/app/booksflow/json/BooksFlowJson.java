package app.booksflow.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The JSON settings both sides of the sync protocol use. Dates are ISO strings, never arrays of
 * numbers; decimals are read as {@link java.math.BigDecimal}, never as binary floating point; unknown
 * fields are ignored so that older and newer peers can talk; empty optional fields are left out.
 */
public final class BooksFlowJson {

    private BooksFlowJson() {
    }

    /** A new, fully configured mapper. Mappers are thread-safe: create one and share it. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new DomainModule())
                // Records carry their state in their components; helpers such as isPosted() are not data.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // A version or sequence number of 1.5 is a sender's bug, not 1: never cut a fraction off.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // A key given twice ({"total": "1.00", "total": "100.00"}) means what each reader decides: refused.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Anything after the value is a body cut and joined wrong, not something to ignore.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }
}
