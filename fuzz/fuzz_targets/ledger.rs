//! Ledgers and rectification lists on any bytes: no panic, counts that add up, line numbers in
//! the file, and the ledger written back reads as the same tasks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::{Ledger, Rectification, WriteOptions};

fuzz_target!(|data: &[u8]| {
    let lines = 1 + data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64;
    if let Ok((ledger, bad)) = Ledger::read_csv(data) {
        for e in &bad {
            if let Some(line) = e.location().and_then(|l| l.line()) {
                assert!((1..=lines).contains(&line), "bad row at line {line} of {lines}: {e}");
            }
        }
        let s = ledger.summary();
        assert_eq!(s.overall().total() as usize, ledger.len());
        let _ = s.sentence();
        let mut csv = Vec::new();
        ledger.write_csv(&mut csv, &WriteOptions::new()).expect("writing to memory");
        let (again, _) = Ledger::read_csv(csv.as_slice()).expect("what it writes, it reads");
        assert_eq!(again.len(), ledger.len());
    }
    if let Ok((list, _)) = Rectification::read_csv(data) {
        let _ = list.sentence();
        let _ = list.by_source();
    }
});
