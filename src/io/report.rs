//! The report table as CSV.

use std::io::Write;

use super::write::{csv_writer, finish, record};
use crate::{Report, Result, WriteOptions};

/// Writes `report` as CSV; see [`Report::write_csv`].
pub(crate) fn write<W: Write>(report: &Report, writer: W, options: &WriteOptions) -> Result<()> {
    let mut w = csv_writer(writer, options)?;
    record(&mut w, Report::HEADER)?;
    for line in report.lines() {
        record(&mut w, line.cells(options))?;
    }
    finish(w)
}
