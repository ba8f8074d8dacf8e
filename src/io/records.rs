//! The record loop every CSV reader shares: decoding, the header, and bad rows collected with
//! their line (or, in strict mode, the first one returned).

use std::io::Read;

use super::columns::{Cells, Header, Spec};
use crate::{Error, Result};

/// Reads every record of `reader` after the header with `row`. A bad row's error is collected (or
/// returned at once when `strict`); blank rows are skipped. Returns the collected errors, in file
/// order. A header without a required column, and input that is not CSV at all, are errors.
pub(crate) fn for_each_record<R: Read>(
    reader: R,
    specs: &[&dyn Spec],
    strict: bool,
    mut row: impl FnMut(&Cells<'_>) -> Result<()>,
) -> Result<Vec<Error>> {
    let (input, lines) = super::lines::Counting::new(super::encoding::utf8_reader(reader)?);
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let header_record = csv.headers().map_err(Error::csv)?.clone();
    let header = Header::new(header_record.iter(), specs)?;
    let mut bad = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let read_from = record.position().map_or(0, csv::Position::byte);
                let (line, offset) = lines
                    .borrow_mut()
                    .line_at(read_from)
                    .unwrap_or((0, read_from));
                let cells = Cells {
                    header: &header,
                    record: &record,
                    line,
                    offset,
                };
                if let Err(e) = row(&cells) {
                    if strict {
                        return Err(e);
                    }
                    bad.push(e);
                }
            }
            Err(e) => {
                let bad_text = matches!(e.kind(), csv::ErrorKind::Utf8 { .. });
                let err = Error::csv(e);
                if strict || !bad_text {
                    return Err(err);
                }
                bad.push(err);
            }
        }
    }
    Ok(bad)
}
