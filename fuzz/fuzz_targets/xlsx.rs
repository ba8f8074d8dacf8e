//! Workbook bytes (.xlsx and others calamine reads): no panic in the wide or long reader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::{CsvOptions, Table, WideOptions};

fuzz_target!(|data: &[u8]| {
    // The readers take a path, as calamine does.
    let path = std::env::temp_dir().join(format!("tongji-fuzz-{}.xlsx", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let _ = Table::read_xlsx(&path, &WideOptions::new().region("示例县"));
    let _ = Table::read_xlsx_long(&path, &CsvOptions::new());
    let _ = Table::inspect_xlsx(&path, &WideOptions::new());
});
