//! `Table::read_csv` on any bytes: no panic; every line number (good rows and bad) within the file;
//! no more rows than lines; the table written back reads as the same table; a file without bad
//! rows read strictly (the general path) gives the very table the lenient read (the fast path)
//! gave, lines, statuses and growths included.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tongji::{CsvOptions, Table, WriteOptions};

fuzz_target!(|data: &[u8]| {
    let Ok((table, bad)) = Table::read_csv(data) else {
        return;
    };
    let lines = 1 + data.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64;
    for o in table.iter() {
        let line = o.line().expect("a row read from a file has its line");
        assert!((2..=lines).contains(&line), "row at line {line} of {lines}");
    }
    for e in &bad {
        if let Some(line) = e.location().and_then(|l| l.line()) {
            assert!((1..=lines).contains(&line), "bad row at line {line} of {lines}: {e}");
        }
    }
    assert!(table.len() + bad.len() <= lines as usize);
    let every = |t: &Table| -> Vec<String> {
        t.iter()
            .map(|o| {
                format!(
                    "{}|{}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}",
                    o.region(),
                    o.indicator().code(),
                    o.period(),
                    o.value(),
                    o.value().precision(),
                    o.yoy().map(|y| y.to_string()),
                    o.target().map(|t| t.to_string()),
                    o.status(),
                    o.line()
                )
            })
            .collect()
    };
    if bad.is_empty() {
        let (strict, _) = Table::read_csv_with(data, &CsvOptions::new().strict(true))
            .expect("a file with no bad row reads strictly");
        assert_eq!(every(&strict), every(&table));
        assert_eq!(strict.regions().collect::<Vec<_>>(), table.regions().collect::<Vec<_>>());
    }
    let mut csv = Vec::new();
    table.write_csv(&mut csv, &WriteOptions::new().exact(true)).expect("writing to memory");
    let (again, bad_again) = Table::read_csv(csv.as_slice()).expect("what it writes, it reads");
    assert!(bad_again.is_empty(), "{bad_again:?}");
    assert_eq!(again.len(), table.len());
    // The same observations; the order may differ, since regions and ad-hoc indicators are
    // numbered as first seen and the file written is in key order.
    let rows = |t: &Table| {
        let mut v: Vec<String> = t
            .iter()
            .map(|o| format!("{}|{}|{}|{}", o.region(), o.indicator().name(), o.period(), o.value()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(rows(&again), rows(&table));
});
