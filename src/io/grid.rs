//! A table of text cells as a file or a sheet holds it, before any column is known: what the
//! wide-table reader (title rows, a header somewhere below them, footnotes) works on. Each row
//! keeps where it came from — the physical line of a CSV file, or the row of a sheet — so that an
//! error names it.

use std::io::Read;

use super::encoding::Decoding;
use crate::{Error, Result};

/// Where a grid was read from.
#[derive(Debug, Clone)]
pub(crate) enum Origin {
    /// A CSV file: rows are physical lines.
    Csv,
    /// A sheet of a workbook, by name: rows and columns are the sheet's (cells in A1 form).
    #[cfg_attr(
        not(feature = "xlsx"),
        allow(dead_code, reason = "made by the workbook reader")
    )]
    Sheet(Box<str>),
}

/// One row of a grid: its cells (trimmed), and where it is.
#[derive(Debug, Clone)]
pub(crate) struct GridRow {
    /// The physical line (CSV) or the sheet's row, from 1.
    pub(crate) line: u64,
    /// The byte where the line starts (CSV only).
    pub(crate) offset: Option<u64>,
    /// The cells (one buffer for the row); in a sheet, index `i` is the sheet's column `i` (A = 0).
    pub(crate) cells: csv::StringRecord,
}

impl GridRow {
    /// The trimmed cell at `column`, "" past the end.
    pub(crate) fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", str::trim)
    }

    /// Whether every cell is blank.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// The non-blank cells, in order.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &str> {
        self.cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    }
}

/// The rows of a file or sheet, and the rows that could not be read as text.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    pub(crate) origin: Origin,
    pub(crate) rows: Vec<GridRow>,
    pub(crate) bad: Vec<Error>,
    /// Merged regions of a sheet, as 0-based ((row, column), (row, column)) corners.
    pub(crate) merged: Vec<((u32, u32), (u32, u32))>,
}

impl Grid {
    /// `error` located at `row` and, when given, the cell at `column` headed `header`.
    pub(crate) fn locate(
        &self,
        error: Error,
        row: &GridRow,
        column: Option<usize>,
        header: &str,
    ) -> Error {
        let located = match &self.origin {
            Origin::Csv => error.at_line(row.line, row.offset),
            Origin::Sheet(name) => {
                let r = u32::try_from(row.line.saturating_sub(1)).unwrap_or(u32::MAX);
                error.at_cell(name, r, column.and_then(|c| u32::try_from(c).ok()))
            }
        };
        if header.is_empty() {
            located
        } else {
            located.in_column(header)
        }
    }
}

/// The delimiters sniffed, in order of preference on a tie.
const DELIMITERS: [u8; 3] = [b',', b'\t', b';'];

/// The delimiter of CSV `text`: of comma, tab and semicolon, the one that splits the most of its
/// first 40 lines (outside quotes) into the same number of fields; on a tie, the one that splits
/// those lines into more fields, then the earlier. Consistency, not a total: a region name holding
/// sixty tabs in one row does not outvote the commas of every row, and title lines without any
/// delimiter count for none.
pub(crate) fn sniff_delimiter(text: &[u8]) -> u8 {
    let mut per_line: Vec<[usize; 3]> = Vec::new();
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for &b in text.iter().take(64 * 1024) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                if counts != [0; 3] {
                    per_line.push(counts);
                }
                counts = [0; 3];
                if per_line.len() == 40 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|d| *d == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    if counts != [0; 3] && per_line.len() < 40 {
        per_line.push(counts);
    }
    // For each delimiter: how many lines have its most common nonzero count, and that count.
    let score = |i: usize| -> (usize, usize) {
        let mut seen: Vec<(usize, usize)> = Vec::new();
        for line in &per_line {
            let c = line[i];
            if c == 0 {
                continue;
            }
            match seen.iter_mut().find(|(count, _)| *count == c) {
                Some((_, lines)) => *lines += 1,
                None => seen.push((c, 1)),
            }
        }
        seen.into_iter()
            .map(|(count, lines)| (lines, count))
            .max()
            .unwrap_or((0, 0))
    };
    let mut best = 0;
    let mut best_score = score(0);
    for i in 1..DELIMITERS.len() {
        let s = score(i);
        if s > best_score {
            best = i;
            best_score = s;
        }
    }
    DELIMITERS[best]
}

/// Where each line of `bytes` starts (a line ends at "\n", "\r\n" or a lone "\r").
fn line_starts(bytes: &[u8]) -> Vec<u64> {
    let mut starts = vec![0u64];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                starts.push(i as u64 + 2);
                i += 2;
                continue;
            }
            b'\r' | b'\n' => starts.push(i as u64 + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

/// The line (from 1) and its start of the first record read from byte `at`: terminators before
/// the record are skipped.
fn line_of(bytes: &[u8], starts: &[u64], mut at: u64) -> (u64, u64) {
    while let Some(b'\r' | b'\n') = usize::try_from(at).ok().and_then(|i| bytes.get(i)) {
        at += 1;
    }
    let line = starts.partition_point(|s| *s <= at).max(1);
    (line as u64, starts.get(line - 1).copied().unwrap_or(0))
}

/// Reads CSV (UTF-8 with or without a BOM, or GBK/GB18030) into a grid, with `delimiter` or
/// the sniffed one. A row whose bytes are not text is a bad row; the others are kept.
pub(crate) fn read_csv<R: Read>(reader: R, delimiter: Option<u8>) -> Result<Grid> {
    let (mut decoded, decoding) = super::encoding::utf8_reader(reader)?;
    let mut bytes = Vec::new();
    decoded.read_to_end(&mut bytes).map_err(Error::io)?;
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(&bytes));
    let starts = line_starts(&bytes);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes.as_slice());
    let mut grid = Grid {
        origin: Origin::Csv,
        rows: Vec::new(),
        bad: Vec::new(),
        merged: Vec::new(),
    };
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let at = record.position().map_or(0, csv::Position::byte);
                let (line, offset) = line_of(&bytes, &starts, at);
                let cells = csv::StringRecord::from_byte_record(record.clone()).ok();
                match cells {
                    Some(cells)
                        if !(decoding != Decoding::Utf8
                            && cells.iter().any(|c| c.contains('\u{fffd}'))) =>
                    {
                        grid.rows.push(GridRow {
                            line,
                            offset: Some(offset),
                            cells,
                        });
                    }
                    _ => grid.bad.push(Error::encoding().at_line(line, Some(offset))),
                }
            }
            Err(e) => return Err(Error::csv(e)),
        }
    }
    Ok(grid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_the_one_that_separates_fields() {
        assert_eq!(sniff_delimiter(b"title\na,b,c\n1,2,3\n"), b',');
        assert_eq!(
            sniff_delimiter(b"title, with a comma\na\tb\tc\n1\t2\t3\n"),
            b'\t'
        );
        assert_eq!(sniff_delimiter(b"a;b;c\n\"1,5\";2;3\n"), b';');
        assert_eq!(sniff_delimiter(b"no delimiters at all\n"), b',');
        // One row's tabs do not outvote every row's commas (a region written with tabs).
        let mut text = b"a,b,c\n1,2,3\n".to_vec();
        text.extend_from_slice(&[b'x'; 3]);
        text.extend_from_slice(&[b'\t'; 60]);
        text.extend_from_slice(b",2,3\n4,5,6\n");
        assert_eq!(sniff_delimiter(&text), b',');
    }

    #[test]
    fn rows_keep_their_physical_lines() {
        let grid = read_csv("标题\r\n\r\na,b\r\n\"x\ny\",z\r\nw,v".as_bytes(), None).unwrap();
        let lines: Vec<u64> = grid.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 3, 4, 6]);
        assert_eq!(grid.rows[2].cell(0), "x\ny");
    }
}
