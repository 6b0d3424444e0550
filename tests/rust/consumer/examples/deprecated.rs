//! Uses a deprecated constant: the compiler must warn, naming its replacement.

fn main() {
    let code = voice_status_codes::InfobipLegacyVoiceError::EC_VOICE_USER_BUSY;
    println!("{code}");
}
