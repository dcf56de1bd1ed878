package org.fr3workbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** NIST's OSCAL 1.1.2 assessment-results JSON schema (test resource, see its README), loaded once. */
public final class OscalSchema {

    private static Schema schema;

    private OscalSchema() {
    }

    /** Validation errors of a document; empty when it is valid. */
    public static synchronized List<Error> validate(JsonNode document) {
        if (schema == null) {
            try (InputStream in = OscalSchema.class.getResourceAsStream("/oscal/oscal-ar_schema-1.1.2.json")) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema.validate(document);
    }
}
