//! The one column map: each column a reader knows and a writer writes is declared once, with its
//! header names (English, Chinese, aliases), whether a file must have it, and how its cells parse.

use crate::{Error, Result, UnitSpec};

/// A column of a CSV layout: `T` is what its cells parse to.
///
/// `names[0]` is the English header, `names[1]` the Chinese one (the one writers write), the rest
/// are aliases. `index` is the column's place in its layout's [`Spec`] list.
pub(crate) struct Column<T> {
    pub(crate) index: usize,
    pub(crate) names: &'static [&'static str],
    pub(crate) required: bool,
    pub(crate) parse: fn(&str) -> Result<T>,
}

impl<T> Column<T> {
    pub(crate) const fn new(
        index: usize,
        names: &'static [&'static str],
        required: bool,
        parse: fn(&str) -> Result<T>,
    ) -> Column<T> {
        Column {
            index,
            names,
            required,
            parse,
        }
    }

    /// The header writers write: the Chinese name.
    pub(crate) fn header(&self) -> &'static str {
        self.names
            .get(1)
            .or_else(|| self.names.first())
            .copied()
            .unwrap_or("")
    }
}

/// A cell that is kept as its text (names, titles, free text).
pub(crate) fn text(_: &str) -> Result<()> {
    Ok(())
}

/// What header matching and writing need of a column, whatever its cells parse to.
pub(crate) trait Spec: Sync {
    fn index(&self) -> usize;
    fn names(&self) -> &'static [&'static str];
    fn required(&self) -> bool;
    /// The header writers write.
    fn header(&self) -> &'static str;
}

impl<T> Spec for Column<T> {
    fn index(&self) -> usize {
        self.index
    }
    fn names(&self) -> &'static [&'static str] {
        self.names
    }
    fn required(&self) -> bool {
        self.required
    }
    fn header(&self) -> &'static str {
        Column::header(self)
    }
}

/// A column found in a file: where it is, its header as written, and the unit the header names.
#[derive(Debug, Clone)]
struct Found {
    at: usize,
    written: Box<str>,
    unit: Option<UnitSpec>,
}

/// Where each column of a layout is in a file, with the header text as written there.
#[derive(Debug)]
pub(crate) struct Header {
    found: Vec<Option<Found>>,
}

/// A header cell as every reader compares it, long or wide: no BOM or spaces, lowercase ASCII,
/// fullwidth parentheses and percent signs halfwidth, dashes (—, －, ～, 至) as '-', and without a
/// trailing "(%)" or "%", or a trailing unit in parentheses — which is returned: "数值（万元）" is
/// ("数值", 万元), "同比增长(%)" and "增长%" are "同比增长" and "增长".
pub(crate) fn header_key(cell: &str) -> (String, Option<UnitSpec>) {
    let cleaned: String = cell
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '％' => '%',
            '－' | '—' | '―' | '–' | '~' | '～' | '至' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let (name, unit) = match cleaned
        .strip_suffix(')')
        .and_then(|c| c.rfind('(').map(|open| (&c[..open], &c[open + 1..])))
    {
        Some((name, "%")) if !name.is_empty() => (name.to_string(), None),
        Some((name, inner)) if !name.is_empty() => match inner.parse::<UnitSpec>() {
            Ok(u) => (name.to_string(), Some(u)),
            Err(_) => (cleaned.clone(), None),
        },
        _ => (cleaned.clone(), None),
    };
    let name = match name.strip_suffix('%') {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => name,
    };
    (name, unit)
}

/// Whether a header cell's key is one of `names`. A name already in key form (most are) is
/// compared as it is; only the others are normalized by [`header_key`], which is dear.
pub(crate) fn is_named(key: &str, names: &[&str]) -> bool {
    names.iter().any(|n| {
        if is_key_form(n) {
            *n == key
        } else {
            header_key(n).0 == key
        }
    })
}

/// Whether [`header_key`] leaves `name` as it is: nothing in it that the key form changes.
fn is_key_form(name: &str) -> bool {
    !name.chars().any(|c| {
        c.is_whitespace()
            || c.is_ascii_uppercase()
            || matches!(
                c,
                '\u{feff}'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '%'
                    | '％'
                    | '－'
                    | '—'
                    | '―'
                    | '–'
                    | '~'
                    | '～'
                    | '至'
            )
    })
}

impl Header {
    /// Maps the header cells onto `specs` (in order); the first matching cell wins.
    /// Columns whose index is in `supplied` are not required: the caller has their value.
    pub(crate) fn new<'h>(
        cells: impl Iterator<Item = &'h str> + Clone,
        specs: &[&dyn Spec],
        supplied: &[usize],
    ) -> Result<Header> {
        let keys: Vec<(String, Option<UnitSpec>)> = cells.clone().map(header_key).collect();
        let written: Vec<&str> = cells
            .map(|h| h.trim().trim_start_matches('\u{feff}').trim())
            .collect();
        let mut found = vec![None; specs.len()];
        for spec in specs {
            let hit = keys.iter().position(|(k, _)| is_named(k, spec.names()));
            if let Some(slot) = found.get_mut(spec.index()) {
                *slot = hit.map(|i| Found {
                    at: i,
                    written: Box::from(written[i]),
                    unit: keys[i].1,
                });
            }
        }
        let missing: Vec<String> = specs
            .iter()
            .filter(|s| {
                s.required()
                    && !supplied.contains(&s.index())
                    && found.get(s.index()).is_none_or(Option::is_none)
            })
            .map(|s| s.names()[..2.min(s.names().len())].join("/"))
            .collect();
        if !missing.is_empty() {
            return Err(
                Error::missing_column(&missing.join(", "), &written.join(",")).at_line(1, Some(0)),
            );
        }
        Ok(Header { found })
    }

    pub(crate) fn position(&self, index: usize) -> Option<usize> {
        self.found.get(index)?.as_ref().map(|f| f.at)
    }

    /// The unit the header of column `index` names ("数值(万元)").
    pub(crate) fn unit(&self, index: usize) -> Option<UnitSpec> {
        self.found.get(index)?.as_ref()?.unit
    }

    /// The header of column `index` as written in the file.
    fn name(&self, index: usize) -> &str {
        self.found
            .get(index)
            .and_then(Option::as_ref)
            .map_or("", |f| &f.written)
    }
}

/// One record of a file, read through its header: cells by column, and errors located at the
/// record's line and the cell's column.
pub(crate) struct Cells<'r> {
    pub(crate) header: &'r Header,
    pub(crate) record: &'r csv::StringRecord,
    pub(crate) line: u64,
    pub(crate) offset: u64,
    /// The sheet of a workbook the record is a row of (its line is the sheet's row).
    pub(crate) sheet: Option<&'r str>,
}

/// Whether a cell says "no figure published" (未公布, 无此项) — —, -, --, …, / as statistical
/// tables print it — rather than holding a figure or being empty.
pub(crate) fn no_data(text: &str) -> bool {
    matches!(
        text,
        "—" | "-" | "--" | "——" | "－" | "…" | "……" | "/" | "／" | "\\"
    )
}

impl Cells<'_> {
    /// The trimmed cell of `column`, "" when the file has no such column.
    pub(crate) fn text<T>(&self, column: &Column<T>) -> &str {
        self.header
            .position(column.index)
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// `error` located at this record and `column`.
    pub(crate) fn error(&self, column: &dyn Spec, error: Error) -> Error {
        let located = match self.sheet {
            Some(sheet) => error.at_cell(
                sheet,
                u32::try_from(self.line.saturating_sub(1)).unwrap_or(u32::MAX),
                self.header
                    .position(column.index())
                    .and_then(|c| u32::try_from(c).ok()),
            ),
            None => error.at_line(self.line, Some(self.offset)),
        };
        match self.header.name(column.index()) {
            "" => located,
            name => located.in_column(name),
        }
    }

    /// The cell parsed by its column, `None` when it is empty or says no figure was published
    /// (—, -, …: see [`no_data`]).
    pub(crate) fn get<T: 'static>(&self, column: &Column<T>) -> Result<Option<T>> {
        match self.text(column) {
            "" => Ok(None),
            text if no_data(text) => Ok(None),
            text => (column.parse)(text)
                .map(Some)
                .map_err(|e| self.error(column, e)),
        }
    }

    /// The cell parsed by its column; an empty cell is parsed too (and refused by most parsers).
    pub(crate) fn require<T: 'static>(&self, column: &Column<T>) -> Result<T> {
        (column.parse)(self.text(column)).map_err(|e| self.error(column, e))
    }
}

#[cfg(test)]
mod tests {
    use super::Spec;

    #[test]
    fn a_name_in_key_form_is_its_own_key() {
        for name in [
            "本月",
            "1-本月累计",
            "指标名称",
            "region",
            "同比增长",
            "计量单位",
        ] {
            assert!(super::is_key_form(name), "{name}");
            assert_eq!(super::header_key(name).0, name);
        }
        for name in [
            "同比增长(%)",
            "1—本月累计",
            "Region",
            "数值（万元）",
            "1至本月",
        ] {
            assert!(!super::is_key_form(name), "{name}");
        }
        assert!(super::is_named("同比增长", &["同比增长(%)"]));
        assert!(super::is_named("1-本月累计", &["1—本月累计"]));
    }

    #[test]
    fn every_layout_lists_its_columns_in_index_order() {
        let layouts: [&[&dyn Spec]; 3] = [
            &crate::io::observations::SPECS,
            &crate::io::ledger::SPECS,
            &crate::io::rectification::SPECS,
        ];
        for specs in layouts {
            for (i, spec) in specs.iter().enumerate() {
                assert_eq!(spec.index(), i, "{:?}", spec.names());
            }
        }
    }
}
