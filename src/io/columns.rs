//! Header rows: which column holds what, from English or Chinese names.

use crate::{Error, Result};

/// One column a reader knows: its accepted header names (first = English, second = Chinese, then
/// aliases) and whether a file must have it.
pub(crate) struct Spec {
    pub(crate) names: &'static [&'static str],
    pub(crate) required: bool,
}

/// Where each known column is in a file, with the header text as written (for error messages).
pub(crate) struct Layout {
    found: Vec<Option<(usize, String)>>,
}

fn clean(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_ascii_lowercase()
}

impl Layout {
    /// Maps `headers` onto `specs` (in order); the first matching column wins.
    pub(crate) fn new(headers: &csv::StringRecord, specs: &[Spec]) -> Result<Layout> {
        let found: Vec<Option<(usize, String)>> = specs
            .iter()
            .map(|spec| {
                headers
                    .iter()
                    .position(|h| spec.names.contains(&clean(h).as_str()))
                    .map(|i| {
                        (
                            i,
                            headers[i].trim().trim_start_matches('\u{feff}').to_string(),
                        )
                    })
            })
            .collect();
        let missing: Vec<String> = specs
            .iter()
            .zip(&found)
            .filter(|(spec, f)| spec.required && f.is_none())
            .map(|(spec, _)| spec.names[..2.min(spec.names.len())].join("/"))
            .collect();
        if !missing.is_empty() {
            return Err(Error::Csv {
                line: Some(1),
                message: format!(
                    "missing column {} in the header {:?}",
                    missing.join(", "),
                    headers.iter().collect::<Vec<_>>()
                ),
            });
        }
        Ok(Layout { found })
    }

    /// The trimmed cell of column `index` (as in the specs), if the file has that column.
    pub(crate) fn get<'r>(&self, record: &'r csv::StringRecord, index: usize) -> Option<&'r str> {
        self.found
            .get(index)
            .and_then(Option::as_ref)
            .and_then(|(i, _)| record.get(*i))
            .map(str::trim)
    }

    /// The header of column `index` as written in the file.
    pub(crate) fn name(&self, index: usize) -> String {
        self.found
            .get(index)
            .and_then(Option::as_ref)
            .map(|(_, h)| h.clone())
            .unwrap_or_default()
    }
}

/// Reads every record of `reader` after the header with `row`, lenient or strict: a bad row's
/// error is collected (or returned at once in strict mode); blank rows are skipped. Returns the
/// header layout's errors, CSV-level errors and the collected row errors.
pub(crate) fn for_each_record<R: std::io::Read>(
    reader: R,
    specs: &[Spec],
    strict: bool,
    mut row: impl FnMut(&csv::StringRecord, &Layout, u64) -> Result<()>,
) -> Result<Vec<Error>> {
    let input = super::encoding::utf8_reader(reader)?;
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = csv
        .headers()
        .map_err(|e| Error::Csv {
            line: Some(1),
            message: e.to_string(),
        })?
        .clone();
    let layout = Layout::new(&headers, specs)?;
    let mut bad = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = csv.position().line() + 1;
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(line, |p| p.line());
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                if let Err(e) = row(&record, &layout, line) {
                    if strict {
                        return Err(e);
                    }
                    bad.push(e);
                }
            }
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line());
                let err = Error::Csv {
                    line: Some(line),
                    message: e.to_string(),
                };
                if strict || !matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    return Err(err);
                }
                bad.push(err);
            }
        }
    }
    Ok(bad)
}

/// An error of one cell: line, the column's header as written, and what was wrong.
pub(crate) fn cell_error(line: u64, layout: &Layout, column: usize, error: Error) -> Error {
    Error::Row {
        line,
        column: layout.name(column),
        error: Box::new(error),
    }
}

/// The line an error is about, for sorting bad rows.
pub(crate) fn line_of(e: &Error) -> u64 {
    match e {
        Error::Row { line, .. }
        | Error::Csv {
            line: Some(line), ..
        } => *line,
        _ => 0,
    }
}
