//! Workbooks (.xlsx, .xls, .ods) through calamine, read into the same [`Grid`] a CSV file becomes.
//!
//! A numeric cell holds a double. It becomes the exact decimal of the shortest text that reads
//! back as the same double (0.1 is 0.1, not 0.1000000000000000055…), padded with zeros to the
//! places of the cell's number format where the format fixes them ("0.00": 6.6 is read as 6.60),
//! and as a percentage where the format is one ("0.0%": 0.066 is read as 6.6%). Digits the format
//! does not show are kept, never rounded away: the figure is what the cell holds. Number formats
//! are read from .xlsx files; .xls and .ods cells are read at their shortest text. A formula error
//! (#DIV/0!, #N/A) is a bad cell, located by sheet and cell.

use std::collections::HashMap;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use calamine::{Data, Range, Reader};
use quick_xml::events::Event;
use rust_decimal::Decimal;

use super::grid::{Grid, GridRow, Origin};
use crate::{Error, Result};

/// How a cell's number format shows it: fixed decimal places, and whether as a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shown {
    pub(crate) places: u32,
    pub(crate) percent: bool,
}

/// The places and percent sign of an Excel number format code ("0.00", "#,##0.0", "0.0%"), from
/// its first section; `None` for General, dates, text and scientific formats.
pub(crate) fn shown_by(code: &str) -> Option<Shown> {
    let section = code.split(';').next().unwrap_or("");
    let mut plain = String::new();
    let mut chars = section.chars();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            c => plain.push(c),
        }
    }
    let lower = plain.to_ascii_lowercase();
    if !lower.contains(['0', '#', '?'])
        || lower.contains(['e', 'y', 'd', 'h', 's', '@'])
        || lower.contains("m")
    {
        return None;
    }
    let places = match lower.find('.') {
        Some(dot) => lower[dot + 1..]
            .chars()
            .take_while(|c| matches!(c, '0' | '#' | '?'))
            .filter(|c| *c == '0')
            .count() as u32,
        None => 0,
    };
    Some(Shown {
        places,
        percent: lower.contains('%'),
    })
}

/// The built-in number formats with fixed places (ECMA-376, 18.8.30).
fn builtin_format(id: u32) -> Option<&'static str> {
    Some(match id {
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        37 | 38 => "#,##0",
        39 | 40 => "#,##0.00",
        _ => return None,
    })
}

/// The text of a number as a cell shows it: the shortest decimal of the double, padded to the
/// format's places, ×100 with "%" for a percentage format.
pub(crate) fn number_text(value: f64, shown: Option<Shown>) -> Option<String> {
    // Display of an f64 is the shortest text that reads back as the same double, never in
    // exponent form: the documented conversion at the edge.
    let text = format!("{value}");
    let mut d = Decimal::from_str_exact(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .ok()?;
    let Some(shown) = shown else {
        return Some(text);
    };
    if shown.percent {
        d = crate::value::rounding::shift10(d, 2)?;
    }
    if d.scale() < shown.places {
        d.rescale(shown.places);
    }
    Some(if shown.percent {
        format!("{d}%")
    } else {
        d.to_string()
    })
}

/// The number formats of every numeric cell of one sheet of an .xlsx file, by (row, column),
/// read from the file's styles and the sheet's XML (calamine reads values, not formats).
fn xlsx_formats<R: Read + Seek>(archive: R, sheet: &str) -> Option<HashMap<(u32, u32), Shown>> {
    let mut zip = zip::ZipArchive::new(archive).ok()?;
    let mut read = |name: &str| -> Option<String> {
        let mut file = zip.by_name(name).ok()?;
        let mut text = String::new();
        file.read_to_string(&mut text).ok()?;
        Some(text)
    };
    let workbook = read("xl/workbook.xml")?;
    let rels = read("xl/_rels/workbook.xml.rels")?;
    let styles = read("xl/styles.xml").unwrap_or_default();
    let rid = attr_of(&workbook, b"sheet", b"name", sheet, b"r:id")?;
    let target = attr_of(&rels, b"Relationship", b"Id", &rid, b"Target")?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    let sheet_xml = read(&path)?;
    let xf_formats = cell_xf_formats(&styles);
    let mut found = HashMap::new();
    let mut reader = quick_xml::Reader::from_str(&sheet_xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == b"c" => {
                let mut at = None;
                let mut style = None;
                for a in e.attributes().flatten() {
                    match a.key.as_ref() {
                        b"r" => at = std::str::from_utf8(&a.value).ok().and_then(parse_a1),
                        b"s" => {
                            style = std::str::from_utf8(&a.value)
                                .ok()
                                .and_then(|s| s.parse::<usize>().ok());
                        }
                        _ => {}
                    }
                }
                if let (Some(at), Some(style)) = (at, style) {
                    if let Some(Some(shown)) = xf_formats.get(style) {
                        found.insert(at, *shown);
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    Some(found)
}

/// The value of attribute `want` of the first `tag` element whose `key` attribute is `value`.
fn attr_of(xml: &str, tag: &[u8], key: &[u8], value: &str, want: &[u8]) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let decoder = reader.decoder();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == tag => {
                let attrs: Vec<_> = e.attributes().flatten().collect();
                let matches = attrs.iter().any(|a| {
                    a.key.as_ref() == key
                        && a.decode_and_unescape_value(decoder)
                            .is_ok_and(|v| v == value)
                });
                if matches {
                    return attrs
                        .iter()
                        .find(|a| a.key.as_ref() == want)
                        .and_then(|a| a.decode_and_unescape_value(decoder).ok())
                        .map(|v| v.into_owned());
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// For each cell style (`cellXfs`), how its number format shows numbers.
fn cell_xf_formats(styles: &str) -> Vec<Option<Shown>> {
    let mut custom: HashMap<u32, String> = HashMap::new();
    let mut xfs = Vec::new();
    let mut in_cell_xfs = false;
    let mut reader = quick_xml::Reader::from_str(styles);
    let decoder = reader.decoder();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let mut id = None;
                    let mut code = None;
                    for a in e.attributes().flatten() {
                        match a.key.as_ref() {
                            b"numFmtId" => {
                                id = a
                                    .decode_and_unescape_value(decoder)
                                    .ok()
                                    .and_then(|v| v.parse().ok());
                            }
                            b"formatCode" => {
                                code = a
                                    .decode_and_unescape_value(decoder)
                                    .ok()
                                    .map(|v| v.into_owned());
                            }
                            _ => {}
                        }
                    }
                    if let (Some(id), Some(code)) = (id, code) {
                        custom.insert(id, code);
                    }
                }
                b"cellXfs" => in_cell_xfs = true,
                b"xf" if in_cell_xfs => {
                    let id: u32 = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == b"numFmtId")
                        .and_then(|a| {
                            a.decode_and_unescape_value(decoder)
                                .ok()
                                .and_then(|v| v.parse().ok())
                        })
                        .unwrap_or(0);
                    let code = custom
                        .get(&id)
                        .map(String::as_str)
                        .or_else(|| builtin_format(id));
                    xfs.push(code.and_then(shown_by));
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    xfs
}

/// "C5" → (4, 2), 0-based (row, column).
fn parse_a1(a1: &str) -> Option<(u32, u32)> {
    let letters = a1.bytes().take_while(u8::is_ascii_uppercase).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut column: u32 = 0;
    for b in a1.bytes().take(letters) {
        column = column * 26 + u32::from(b - b'A' + 1);
    }
    let row: u32 = a1[letters..].parse().ok()?;
    Some((row.checked_sub(1)?, column - 1))
}

/// A cell as text: numbers exactly (see the module docs), dates as ISO dates ("2023-10" for the
/// first of a month), formula errors as written ("#DIV/0!", which readers refuse as a figure).
fn cell_text(cell: &Data, shown: Option<Shown>) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f, shown).unwrap_or_else(|| format!("{f}")),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::Error(e) => e.to_string(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.format("%d %H:%M:%S").to_string() == "01 00:00:00" => {
                t.format("%Y-%m").to_string()
            }
            Some(t) => t.format("%Y-%m-%d").to_string(),
            None => String::new(),
        },
    }
}

/// Reads one sheet (the named one, or the first) of the workbook at `path` into a grid, with its
/// merged regions.
pub(crate) fn read(path: &Path, sheet: Option<&str>) -> Result<Grid> {
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| Error::spreadsheet(format_args!("{}: {e}", path.display())))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                Error::spreadsheet(format_args!(
                    "no sheet named {s:?}; the sheets are {}",
                    names.join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::spreadsheet("the workbook has no sheets"))?,
    };
    let range: Range<Data> = workbook
        .worksheet_range(&name)
        .map_err(|e| Error::spreadsheet(format_args!("sheet {name:?}: {e}")))?;
    let merged = match &mut workbook {
        calamine::Sheets::Xlsx(x) => x
            .worksheet_merge_cells(&name)
            .and_then(std::result::Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect(),
        _ => Vec::new(),
    };
    let formats = match &workbook {
        calamine::Sheets::Xlsx(_) => std::fs::File::open(path)
            .ok()
            .and_then(|f| xlsx_formats(BufReader::new(f), &name))
            .unwrap_or_default(),
        _ => HashMap::new(),
    };
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::with_capacity(range.height());
    for (i, cells) in range.rows().enumerate() {
        let row = first_row + u32::try_from(i).unwrap_or(u32::MAX - first_row);
        let mut texts = csv::StringRecord::new();
        for _ in 0..first_column {
            texts.push_field("");
        }
        for (j, cell) in cells.iter().enumerate() {
            let column = first_column + u32::try_from(j).unwrap_or(0);
            texts.push_field(&cell_text(cell, formats.get(&(row, column)).copied()));
        }
        rows.push(GridRow {
            line: u64::from(row) + 1,
            offset: None,
            cells: texts,
        });
    }
    Ok(Grid {
        origin: Origin::Sheet(name.into()),
        rows,
        bad: Vec::new(),
        merged,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_give_places_and_percent() {
        let s = |code: &str| shown_by(code).map(|s| (s.places, s.percent));
        assert_eq!(s("0.00"), Some((2, false)));
        assert_eq!(s("#,##0.0"), Some((1, false)));
        assert_eq!(s("0.0%"), Some((1, true)));
        assert_eq!(s("0"), Some((0, false)));
        assert_eq!(s("#,##0.00_);[Red](#,##0.00)"), Some((2, false)));
        assert_eq!(s("\"¥\"#,##0.00"), Some((2, false)));
        assert_eq!(s("General"), None);
        assert_eq!(s("yyyy-mm-dd"), None);
        assert_eq!(s("0.00E+00"), None);
    }

    #[test]
    fn numbers_are_their_shortest_text_at_the_format_places() {
        let shown = |places, percent| Some(Shown { places, percent });
        assert_eq!(number_text(0.1, None).as_deref(), Some("0.1"));
        assert_eq!(number_text(6.6, shown(2, false)).as_deref(), Some("6.60"));
        assert_eq!(number_text(0.066, shown(1, true)).as_deref(), Some("6.6%"));
        assert_eq!(
            number_text(0.0664, shown(1, true)).as_deref(),
            Some("6.64%")
        ); // kept, not rounded
        assert_eq!(
            number_text(47149.0, shown(0, false)).as_deref(),
            Some("47149")
        );
        assert_eq!(
            number_text(84.19642857142857, shown(1, false)).as_deref(),
            Some("84.19642857142857")
        );
    }

    #[test]
    fn a1_names_both_ways() {
        assert_eq!(parse_a1("C5"), Some((4, 2)));
        assert_eq!(parse_a1("AA10"), Some((9, 26)));
        assert_eq!(crate::error::a1(9, 26), "AA10");
        assert_eq!(parse_a1("5"), None);
    }
}
