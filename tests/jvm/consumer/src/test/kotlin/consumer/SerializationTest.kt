package consumer

import kotlinx.serialization.Serializable
import kotlinx.serialization.SerializationException
import kotlinx.serialization.json.Json
import net.voipbin.voicestatus.kotlin.InfobipErrorGroup
import net.voipbin.voicestatus.kotlin.InfobipLegacyVoiceError
import net.voipbin.voicestatus.kotlin.InfobipVoiceError
import net.voipbin.voicestatus.kotlin.VoipbinReason
import net.voipbin.voicestatus.kotlin.VoipbinStatus
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** What a Kotlin application does with the value classes: kotlinx.serialization bodies in and out. */
class SerializationTest {
    @Serializable
    data class ErrorBody(val status: VoipbinStatus, val reason: VoipbinReason, val code: InfobipVoiceError)

    @Test
    fun knownValuesRoundTripAsTheirWireValues() {
        val body = ErrorBody(VoipbinStatus.NOT_FOUND, VoipbinReason.PERMISSION_DENIED, InfobipVoiceError.BUSY)
        val json = Json.encodeToString(ErrorBody.serializer(), body)
        assertEquals("""{"status":"NOT_FOUND","reason":"PERMISSION_DENIED","code":10201}""", json)
        assertEquals(body, Json.decodeFromString(ErrorBody.serializer(), json))
    }

    @Test
    fun unknownValuesOfOpenCatalogsAreKeptAndWrittenBackUnchanged() {
        val json = """{"status":"NOT_FOUND","reason":"BRAND_NEW_REASON","code":19999}"""
        val body = Json.decodeFromString(ErrorBody.serializer(), json)
        assertFalse(body.reason.isKnown)
        assertEquals("BRAND_NEW_REASON", body.reason.value)
        assertFalse(body.code.isKnown)
        assertEquals(19999, body.code.value)
        assertFalse(body.code in InfobipVoiceError.known)
        assertEquals(json, Json.encodeToString(ErrorBody.serializer(), body))
    }

    @Test
    fun unknownValuesOfClosedCatalogsAreRejected() {
        val json = """{"status":"NOT_A_STATUS","reason":"PERMISSION_DENIED","code":10201}"""
        assertThrows(SerializationException::class.java) { Json.decodeFromString(ErrorBody.serializer(), json) }
    }

    @Test
    fun typedFieldsAndADeprecatedConstant() {
        assertEquals(403, VoipbinReason.PERMISSION_DENIED.httpStatus)
        val group: InfobipErrorGroup? = InfobipVoiceError.BUSY.group
        assertSame(InfobipVoiceError.BUSY.java.group(), group?.java)
        val old = InfobipLegacyVoiceError.VOICE_ANSWERED // deprecated: kotlinc warns here
        assertEquals(net.voipbin.voicestatus.Status.DEPRECATED, old.status)
        assertEquals(listOf(InfobipVoiceError.NORMAL_HANGUP.java), old.successors)
        assertTrue(InfobipLegacyVoiceError.known.contains(old))
    }
}
