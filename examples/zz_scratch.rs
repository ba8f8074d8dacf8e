//! Scratch.
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let f = std::fs::File::open(path).unwrap();
    let (t, _) = tongji::Table::read_csv(f).unwrap();
    let opts = tongji::WriteOptions::new();
    let mut cells = tongji::ReportCells::new();
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        let mut n = 0usize;
        for o in t.iter() {
            t.report_cells(&o, &opts, &mut cells);
            n += cells.get(3).len();
        }
        let t1 = t0.elapsed();
        let t0 = std::time::Instant::now();
        let mut s = String::new();
        for o in t.iter() {
            s.clear();
            use std::fmt::Write;
            let _ = write!(s, "{}", o.period());
            n += s.len() + o.region().len() + o.indicator().code().len();
        }
        eprintln!(
            "cells {:?} ({} ns/row), period+names {:?} {n}",
            t1,
            t1.as_nanos() / t.len() as u128,
            t0.elapsed()
        );
    }
}
