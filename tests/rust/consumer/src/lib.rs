//! A crate that uses the generated codes the way an application would.

use voice_status_codes::{InfobipErrorGroup, InfobipVoiceError, VoipbinReason};

/// What to do about an Infobip voice error: matched on the constants, with a wildcard arm
/// for the codes added after this crate was written.
pub fn advice(code: InfobipVoiceError) -> &'static str {
    match code {
        InfobipVoiceError::BUSY | InfobipVoiceError::NO_ANSWER => "call again later",
        InfobipVoiceError::NORMAL_HANGUP => "nothing to do",
        _ => "read the message",
    }
}

/// Whether the error group of a code says the user caused it (a typed reference).
pub fn group_of(code: InfobipVoiceError) -> Option<InfobipErrorGroup> {
    code.group()
}

/// The HTTP status of a VoIPbin reason; string constants compare with `==`.
pub fn http_status(reason: &VoipbinReason) -> Option<i32> {
    match reason {
        r if *r == VoipbinReason::CALL_NOT_FOUND => Some(404),
        r => r.http_status(),
    }
}
