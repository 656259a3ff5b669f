package app.booksflow.model.archfixture;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Breaks the domain rule on purpose: a JSON annotation inside the domain. */
public record DomainUsingJackson(@JsonProperty("name") String name) {
}
