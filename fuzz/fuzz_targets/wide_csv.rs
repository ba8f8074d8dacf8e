//! The wide (月报) reader and its inspection on any bytes: no panic, line numbers within the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::{Table, WideOptions};

fuzz_target!(|data: &[u8]| {
    let options = WideOptions::new().region("示例县");
    let lines = 1 + data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64;
    if let Ok((table, bad)) = Table::read_wide_csv(data, &options) {
        for e in &bad {
            if let Some(line) = e.location().and_then(|l| l.line()) {
                assert!((1..=lines).contains(&line), "bad row at line {line} of {lines}: {e}");
            }
        }
        let _ = table.audit().to_string();
    }
    if let Ok(layout) = Table::inspect_wide_csv(data, &options) {
        let _ = layout.to_string();
    }
});
