//! Loads a large generated CSV file into a table and computes every row's year-on-year growth:
//! the scale check behind the CSV benchmark, runnable under `/usr/bin/time -v` to see peak memory.
//!
//! ```text
//! cargo run --release --example load_csv -- 1000000     # rows to generate (default 10000)
//! ```

use std::io::{BufReader, BufWriter};
use std::process::ExitCode;

use tongji::Table;

#[path = "../benches/support/generate.rs"]
mod generate;

/// Writes `rows` generated observations to `path`; returns the file's size.
fn generate(path: &std::path::Path, rows: usize) -> std::io::Result<u64> {
    generate::write_rows(BufWriter::new(std::fs::File::create(path)?), rows)?;
    Ok(std::fs::metadata(path)?.len())
}

fn main() -> ExitCode {
    let rows: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let path = std::env::temp_dir().join(format!("tongji-load-{}.csv", std::process::id()));
    let bytes = match generate(&path, rows) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot open {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    let result = Table::read_csv(BufReader::new(file));
    std::fs::remove_file(&path).ok();
    let (table, bad) = match result {
        Ok(read) => read,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let with_growth = table
        .iter()
        .filter(|o| table.yoy_of(o).growth().is_some())
        .count();
    println!(
        "CSV {bytes} bytes, {} rows read, {} bad, {with_growth} with a growth rate",
        table.len(),
        bad.len()
    );
    ExitCode::SUCCESS
}
