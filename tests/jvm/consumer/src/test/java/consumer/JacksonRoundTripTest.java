package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import net.voipbin.voicestatus.InfobipLegacyVoiceError;
import net.voipbin.voicestatus.InfobipVoiceError;
import net.voipbin.voicestatus.Status;
import net.voipbin.voicestatus.UnknownValueException;
import net.voipbin.voicestatus.VoipbinReason;
import net.voipbin.voicestatus.VoipbinStatus;
import org.junit.jupiter.api.Test;

/** What an application does with the library: JSON bodies in and out, old codes migrated. */
class JacksonRoundTripTest {
    record ErrorBody(VoipbinStatus status, VoipbinReason reason, InfobipVoiceError code) {
    }

    // A plain mapper and one configured the strict way: neither needs a feature for unknown values.
    private final List<ObjectMapper> mappers = List.of(new ObjectMapper(),
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL).build());

    @Test
    void knownValuesRoundTripAsTheirWireValues() throws Exception {
        for (ObjectMapper mapper : mappers) {
            ErrorBody body = new ErrorBody(VoipbinStatus.NOT_FOUND, VoipbinReason.PERMISSION_DENIED, InfobipVoiceError.BUSY);
            String json = mapper.writeValueAsString(body);
            assertEquals("{\"status\":\"NOT_FOUND\",\"reason\":\"PERMISSION_DENIED\",\"code\":10201}", json);
            ErrorBody back = mapper.readValue(json, ErrorBody.class);
            assertSame(VoipbinReason.PERMISSION_DENIED, back.reason());
            assertSame(InfobipVoiceError.BUSY, back.code());
            assertEquals(body, back);
        }
    }

    @Test
    void unknownValuesOfOpenCatalogsAreKeptAndWrittenBackUnchanged() throws Exception {
        for (ObjectMapper mapper : mappers) {
            String json = "{\"status\":\"NOT_FOUND\",\"reason\":\"BRAND_NEW_REASON\",\"code\":19999}";
            ErrorBody body = mapper.readValue(json, ErrorBody.class);
            assertFalse(body.reason().isKnown());
            assertEquals("BRAND_NEW_REASON", body.reason().value());
            assertFalse(body.code().isKnown());
            assertEquals(19999, body.code().value());
            assertTrue(InfobipVoiceError.values().stream().noneMatch(body.code()::equals));
            assertEquals(InfobipVoiceError.of(19999), body.code());
            assertThrows(IllegalStateException.class, () -> body.code().message());
            assertEquals(json, mapper.writeValueAsString(body));
        }
    }

    @Test
    void unknownValuesOfClosedCatalogsAreRejected() {
        for (ObjectMapper mapper : mappers) {
            String json = "{\"status\":\"NOT_A_STATUS\",\"reason\":\"PERMISSION_DENIED\",\"code\":10201}";
            JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper.readValue(json, ErrorBody.class));
            assertTrue(e.getCause() instanceof UnknownValueException, String.valueOf(e.getCause()));
        }
        assertThrows(UnknownValueException.class, () -> VoipbinStatus.of("NOT_A_STATUS"));
    }

    @Test
    void aDeprecatedConstantLeadsToItsSuccessor() {
        InfobipLegacyVoiceError old = InfobipLegacyVoiceError.VOICE_ANSWERED;  // deprecated: javac warns here
        assertEquals(Status.DEPRECATED, old.status());
        assertEquals(List.of(InfobipVoiceError.NORMAL_HANGUP), InfobipLegacyVoiceError.migrate(old.value()));
        assertSame(InfobipVoiceError.NORMAL_HANGUP, old.deprecation().orElseThrow().replacement().orElseThrow());
        assertNotEquals(old, InfobipVoiceError.NORMAL_HANGUP);
    }
}
