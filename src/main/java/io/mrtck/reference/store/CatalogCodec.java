package io.mrtck.reference.store;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.mrtck.reference.nson.NsonCodec;
import oracle.nosql.driver.values.FieldValue;

/** Catalog entries (table definitions, regions) as JSON; values such as DEFAULTs as NSON in base64. */
final class CatalogCodec {
    private static final ObjectMapper MAPPER = mapper();

    private CatalogCodec() {
    }

    static byte[] write(Object entry) {
        try {
            return MAPPER.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode catalog entry " + entry, e);
        }
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt catalog entry of type " + type.getSimpleName(), e);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule values = new SimpleModule("nson-values");
        values.addSerializer(FieldValue.class, new JsonSerializer<>() {
            @Override
            public void serialize(FieldValue v, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(Base64.getEncoder().encodeToString(NsonCodec.encode(v)));
            }
        });
        values.addDeserializer(FieldValue.class, new JsonDeserializer<>() {
            @Override
            public FieldValue deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
                return NsonCodec.decode(Base64.getDecoder().decode(parser.getValueAsString()));
            }
        });
        ObjectMapper m = new ObjectMapper().registerModule(values);
        // Record components only: derived accessors such as isMultiRegion() are not state.
        m.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        m.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return m;
    }
}
