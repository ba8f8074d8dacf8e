//! The report table as CSV.

use std::io::Write;

use super::write::{csv_writer, finish, record};
use crate::{Report, Result, WriteOptions};

/// Writes `report` as CSV; see [`Report::write_csv`].
pub(crate) fn write<W: Write>(report: &Report, writer: W, options: &WriteOptions) -> Result<()> {
    let mut w = csv_writer(writer, options)?;
    record(&mut w, Report::HEADER)?;
    let rounding = options.rounding_for(1);
    for line in report.lines() {
        record(&mut w, line.cells(rounding))?;
    }
    finish(w)
}
