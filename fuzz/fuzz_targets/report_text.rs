//! A report's text: figures, their bindings and the audit of what it states — no panic, spans and
//! sentences within the text, the audit report printable and serializable.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::text;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    for st in text::statements(input) {
        assert_eq!(&input[st.figure().span()], st.figure().text());
        let sentence = st.sentence();
        assert!(input.get(sentence.clone()).is_some(), "sentence {sentence:?}");
        assert!(sentence.start <= st.figure().span().start && st.figure().span().end <= sentence.end);
    }
    let report = tongji::audit::text(input).expect("auditing text does not fail");
    let _ = report.to_string();
    serde_json::to_string(&report).expect("the report serializes");
});
