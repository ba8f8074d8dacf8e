//! The CSV writers' shared plumbing: the BOM, the delimiter, the header from the column map, and
//! I/O failures as errors.

use std::io::Write;

use super::columns::Spec;
use crate::{Error, Result, WriteOptions};

/// A CSV writer over `writer`, after the BOM when `options` asks for one.
pub(crate) fn csv_writer<W: Write>(
    mut writer: W,
    options: &WriteOptions,
) -> Result<csv::Writer<W>> {
    if options.has_bom() {
        writer.write_all("\u{feff}".as_bytes()).map_err(Error::io)?;
    }
    Ok(csv::WriterBuilder::new()
        .delimiter(options.delimiter_byte())
        .from_writer(writer))
}

/// Writes the header row: the Chinese name of each column, in order.
pub(crate) fn header<W: Write>(w: &mut csv::Writer<W>, columns: &[&dyn Spec]) -> Result<()> {
    record(w, columns.iter().map(|c| c.header()))
}

/// Writes one record.
pub(crate) fn record<W: Write, I: IntoIterator<Item = T>, T: AsRef<[u8]>>(
    w: &mut csv::Writer<W>,
    fields: I,
) -> Result<()> {
    w.write_record(fields).map_err(Error::csv)
}

/// Flushes the writer.
pub(crate) fn finish<W: Write>(mut w: csv::Writer<W>) -> Result<()> {
    w.flush().map_err(Error::io)
}
