//! The generated crate as an application uses it: match, serde_json, unknown values kept.

use consumer::{advice, group_of, http_status};
use voice_status_codes::{
    InfobipErrorGroup, InfobipLegacyVoiceError, InfobipVoiceError, VoipbinReason, VoipbinStatus,
};

#[test]
fn constants_match_and_unknown_values_take_the_wildcard_arm() {
    assert_eq!(advice(InfobipVoiceError::BUSY), "call again later");
    let unknown = InfobipVoiceError::new(19_999);
    assert!(!unknown.is_known());
    assert_eq!(advice(unknown), "read the message");
    assert_eq!(unknown.value(), 19_999);
    assert_eq!(unknown.message(), None);
}

#[test]
fn integers_round_trip_through_serde_json_as_numbers() {
    let json = serde_json::to_string(&InfobipVoiceError::BUSY).unwrap();
    assert_eq!(json, InfobipVoiceError::BUSY.value().to_string());
    let back: InfobipVoiceError = serde_json::from_str(&json).unwrap();
    assert_eq!(back, InfobipVoiceError::BUSY);
    let unknown: InfobipVoiceError = serde_json::from_str("19999").unwrap();
    assert_eq!(unknown, InfobipVoiceError::new(19_999));
    assert_eq!(serde_json::to_string(&unknown).unwrap(), "19999");
    assert!(serde_json::from_str::<InfobipVoiceError>("\"19999\"").is_err());
}

#[test]
fn strings_round_trip_through_serde_json_as_strings_unknown_kept() {
    let codes = vec![
        VoipbinReason::CALL_NOT_FOUND,
        VoipbinReason::new("A_REASON_FROM_LATER"),
    ];
    let json = serde_json::to_string(&codes).unwrap();
    assert_eq!(json, r#"["CALL_NOT_FOUND","A_REASON_FROM_LATER"]"#);
    let back: Vec<VoipbinReason> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, codes);
    assert!(back[0].is_known() && !back[1].is_known());
    assert_eq!(back[1].as_str(), "A_REASON_FROM_LATER");
    assert_eq!(http_status(&back[0]), Some(404));
}

#[test]
fn closed_catalogs_refuse_unlisted_values() {
    assert!(serde_json::from_str::<VoipbinStatus>("\"NOT_A_STATUS\"").is_err());
    assert!(VoipbinStatus::new("NOT_A_STATUS").is_err());
    assert!(InfobipLegacyVoiceError::new(1).is_err());
    assert!("1".parse::<InfobipLegacyVoiceError>().is_err());
    assert!(serde_json::from_str::<InfobipLegacyVoiceError>("1").is_err());
}

#[test]
#[allow(deprecated)]
fn references_and_successors_are_typed() {
    let group: Option<InfobipErrorGroup> = group_of(InfobipVoiceError::BUSY);
    assert!(group.is_some_and(|g| g.is_known()));
    let legacy = InfobipLegacyVoiceError::EC_VOICE_USER_BUSY;
    assert_eq!(legacy.migrate(), Ok(&[InfobipVoiceError::BUSY][..]));
    assert_eq!(legacy.successors(), &[InfobipVoiceError::BUSY]);
    let replacement = legacy.deprecated().and_then(|d| d.replacement).unwrap();
    assert_eq!(replacement.to_string(), "infobip_voice_error.BUSY");
}
