//! Loads a large generated CSV file into a table and computes every row's year-on-year growth:
//! the scale check behind the CSV benchmark, runnable under `/usr/bin/time -v` to see peak memory.
//!
//! ```text
//! cargo run --release --example load_csv -- 1000000                  # rows to generate (default 10000)
//! cargo run --release --example load_csv -- 1000000 --write big.csv  # only write the CSV (for benches/race)
//! cargo run --release --example load_csv -- 1000000 --write-few-digits big.csv  # 亿元 at one place: x.x5 ties
//! ```

use std::io::{BufReader, BufWriter};
use std::process::ExitCode;

use tongji::Table;

#[path = "../benches/support/generate.rs"]
mod generate;

/// Writes `rows` generated observations to `path`; returns the file's size.
fn generate(path: &std::path::Path, rows: usize, few_digits: bool) -> std::io::Result<u64> {
    let file = BufWriter::new(std::fs::File::create(path)?);
    if few_digits {
        generate::write_figures(file, rows, true)?;
    } else {
        generate::write_rows(file, rows)?;
    }
    Ok(std::fs::metadata(path)?.len())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rows: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    if let Some([flag @ ("--write" | "--write-few-digits"), target]) =
        args.get(1..3).map(|a| [a[0].as_str(), a[1].as_str()])
    {
        let few_digits = flag == "--write-few-digits";
        return match generate(std::path::Path::new(target), rows, few_digits) {
            Ok(bytes) => {
                println!("wrote {rows} rows, {bytes} bytes, to {target}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("cannot write {target}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let path = std::env::temp_dir().join(format!("tongji-load-{}.csv", std::process::id()));
    let bytes = match generate(&path, rows, false) {
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
