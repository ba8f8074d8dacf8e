//! Where results go and how they look: stdout or `-o FILE`, as an aligned table on a terminal and
//! CSV when piped (or the `--format` asked for), with a BOM for Excel on request. A reader that
//! closes the pipe early (`tongji compute big.csv | head -1`) ends the command quietly.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use crate::Failure;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Columns aligned for reading (the default on a terminal).
    Table,
    /// Comma-separated, with a header row (the default when piped or written to a file).
    Csv,
    /// One JSON array of objects.
    Json,
    /// One JSON object a line.
    Jsonl,
}

/// The destination: stdout or a file, buffered.
pub(crate) struct Out {
    inner: BufWriter<Box<dyn Write>>,
    terminal: bool,
    name: String,
}

impl Out {
    /// Stdout (no path, or `-`), or the file `path` (created or truncated).
    pub(crate) fn open(path: Option<&Path>) -> Result<Out, Failure> {
        match path.filter(|p| p.as_os_str() != "-") {
            None => {
                let stdout = io::stdout();
                let terminal = stdout.is_terminal();
                Ok(Out {
                    inner: BufWriter::with_capacity(1 << 16, Box::new(stdout)),
                    terminal,
                    name: "stdout".into(),
                })
            }
            Some(p) => {
                let file = File::create(p).map_err(|e| Failure::io(&p.display(), &e))?;
                Ok(Out {
                    inner: BufWriter::with_capacity(1 << 16, Box::new(file)),
                    terminal: false,
                    name: p.display().to_string(),
                })
            }
        }
    }

    /// The format asked for, or the default for this destination: a table on a terminal, CSV
    /// otherwise.
    pub(crate) fn format(&self, asked: Option<Format>) -> Format {
        asked.unwrap_or(if self.terminal {
            Format::Table
        } else {
            Format::Csv
        })
    }

    /// Writes `text`.
    pub(crate) fn text(&mut self, text: &str) -> Result<(), Failure> {
        let name = &self.name;
        self.inner
            .write_all(text.as_bytes())
            .map_err(|e| Failure::write(name, &e))
    }

    /// The writer, for generated text (shell completions).
    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        &mut self.inner
    }

    /// Flushes what is buffered.
    pub(crate) fn finish(mut self) -> Result<(), Failure> {
        let name = self.name.clone();
        self.inner.flush().map_err(|e| Failure::write(&name, &e))
    }
}

/// Display columns of `text` in a terminal: East Asian wide and fullwidth characters take two,
/// and so do the ambiguous-width ones ("—" of 1—10月, "·", "×", "±"), which the CJK fonts of a
/// Chinese terminal draw wide. (comfy-table and tabled count ambiguous characters as one column,
/// which misaligns every row holding a period such as 1—10月.)
pub(crate) fn width(text: &str) -> usize {
    text.width_cjk()
}

/// One table's rows written in a format: CSV and JSON Lines as they come, a terminal table and a
/// JSON array once all rows are in (a table needs every width; a JSON array its brackets).
pub(crate) struct Rows<'o> {
    out: &'o mut Out,
    lines: Lines,
    header: Vec<String>,
    buffered: Vec<Vec<String>>,
    line: String,
    count: usize,
}

/// A column: its Chinese header (table, CSV) and its JSON key.
pub(crate) type Column<'a> = (&'a str, &'a str);

/// How a row becomes a line of CSV or JSON: shareable between threads, so that rows can be
/// written on all cores and then put out in order.
#[derive(Clone)]
pub(crate) struct Lines {
    format: Format,
    keys: Vec<String>,
}

impl Lines {
    /// Whether rows of this format are lines that can be made apart ([`Lines::render`]).
    pub(crate) fn are_independent(&self) -> bool {
        matches!(self.format, Format::Csv | Format::Jsonl)
    }

    /// Appends `cells` to `buf` as one line of CSV (RFC 4180: a field holding a comma, a quote
    /// or a line break is quoted, its quotes doubled) or one JSON object (an empty cell is
    /// null), ending in a newline.
    pub(crate) fn render<S: AsRef<str>>(&self, cells: &[S], buf: &mut String) {
        if self.format == Format::Csv {
            // Most lines need no quotes: written plainly, then checked in one pass over the
            // line — its commas, quotes and line breaks are only the separators — and written
            // again cell by cell only if not.
            let start = buf.len();
            for (i, cell) in cells.iter().enumerate() {
                if i > 0 {
                    buf.push(',');
                }
                buf.push_str(cell.as_ref());
            }
            let line = &buf.as_bytes()[start..];
            if specials(line) + 1 == cells.len().max(1) {
                buf.push('\n');
                return;
            }
            buf.truncate(start);
            for (i, cell) in cells.iter().enumerate() {
                let cell = cell.as_ref();
                if i > 0 {
                    buf.push(',');
                }
                if cell
                    .bytes()
                    .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
                {
                    buf.push('"');
                    buf.push_str(&cell.replace('"', "\"\""));
                    buf.push('"');
                } else {
                    buf.push_str(cell);
                }
            }
        } else {
            // Keys in column order; a string is escaped by serde_json.
            buf.push('{');
            for (i, (key, cell)) in self.keys.iter().zip(cells).enumerate() {
                if i > 0 {
                    buf.push(',');
                }
                buf.push('"');
                buf.push_str(key);
                buf.push_str("\":");
                let cell = cell.as_ref();
                if cell.is_empty() {
                    buf.push_str("null");
                } else {
                    buf.push_str(&serde_json::Value::from(cell).to_string());
                }
            }
            buf.push('}');
        }
        buf.push('\n');
    }
}

impl<'o> Rows<'o> {
    /// Starts a table of `columns` on `out`; `bom` puts a UTF-8 BOM before CSV.
    pub(crate) fn new(
        out: &'o mut Out,
        format: Format,
        columns: &[Column],
        bom: bool,
    ) -> Result<Rows<'o>, Failure> {
        let header: Vec<String> = columns.iter().map(|c| c.0.to_string()).collect();
        let lines = Lines {
            format,
            keys: columns.iter().map(|c| c.1.to_string()).collect(),
        };
        match format {
            Format::Csv => {
                let mut first = String::new();
                if bom {
                    first.push('\u{feff}');
                }
                lines.render(&header, &mut first);
                out.text(&first)?;
            }
            Format::Json => out.text("[")?,
            Format::Table | Format::Jsonl => {}
        }
        Ok(Rows {
            out,
            lines,
            header,
            buffered: Vec::new(),
            line: String::new(),
            count: 0,
        })
    }

    /// How rows become lines, for making them on other threads.
    pub(crate) fn lines(&self) -> &Lines {
        &self.lines
    }

    /// Adds a row; an empty cell is an absent figure (null in JSON).
    pub(crate) fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> Result<(), Failure> {
        self.count += 1;
        match self.lines.format {
            Format::Table => {
                self.buffered
                    .push(cells.iter().map(|c| c.as_ref().to_string()).collect());
                Ok(())
            }
            Format::Json => {
                self.line.clear();
                self.line
                    .push_str(if self.count == 1 { "\n" } else { ",\n" });
                self.lines.render(cells, &mut self.line);
                self.line.pop(); // the newline: the separator comes before the next object
                let line = std::mem::take(&mut self.line);
                let written = self.out.text(&line);
                self.line = line;
                written
            }
            Format::Csv | Format::Jsonl => {
                self.line.clear();
                self.lines.render(cells, &mut self.line);
                let line = std::mem::take(&mut self.line);
                let written = self.out.text(&line);
                self.line = line;
                written
            }
        }
    }

    /// Adds `rows` rows already made by [`Lines::render`].
    pub(crate) fn rendered(&mut self, text: &str, rows: usize) -> Result<(), Failure> {
        self.count += rows;
        self.out.text(text)
    }

    /// Ends the table: writes what is buffered.
    pub(crate) fn finish(mut self) -> Result<usize, Failure> {
        match self.lines.format {
            Format::Table => {
                let mut text = String::new();
                let all: Vec<Vec<String>> = std::iter::once(std::mem::take(&mut self.header))
                    .chain(std::mem::take(&mut self.buffered))
                    .collect();
                write_aligned(&mut text, &all);
                self.out.text(&text)?;
            }
            Format::Json => self
                .out
                .text(if self.count == 0 { "]\n" } else { "\n]\n" })?,
            Format::Csv | Format::Jsonl => {}
        }
        Ok(self.count)
    }
}

/// How many commas, quotes and line breaks `line` holds: counted in byte lanes, a run of at most
/// 255 bytes at a time, so that the loop is a vector one.
fn specials(line: &[u8]) -> usize {
    line.chunks(255)
        .map(|run| {
            let n = run.iter().fold(0u8, |n, &b| {
                n.wrapping_add(u8::from(matches!(b, b',' | b'"' | b'\n' | b'\r')))
            });
            usize::from(n)
        })
        .sum()
}

/// Rows as columns padded to the widest cell by [`width`], two spaces apart, without trailing
/// spaces.
pub(crate) fn write_aligned(text: &mut String, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                let gap = widths[c].saturating_sub(width(cell)) + 2;
                line.extend(std::iter::repeat_n(' ', gap));
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_width_characters_of_report_text_count_two_columns() {
        assert_eq!(width("1—10月"), 1 + 2 + 1 + 1 + 2); // "—" (U+2014, ambiguous) wide
        assert_eq!(width("1-10月"), 1 + 1 + 1 + 1 + 2);
        assert_eq!(width("·"), 2);
        assert_eq!(width("×"), 2);
        assert_eq!(width("105.9%"), 6);
        assert_eq!(width("增长6.6%"), 4 + 4);
        assert_eq!(width("ＡＢ"), 4); // fullwidth
    }

    #[test]
    fn csv_lines_are_quoted_exactly_when_a_cell_needs_it() {
        let lines = Lines {
            format: Format::Csv,
            keys: Vec::new(),
        };
        let line = |cells: &[&str]| {
            let mut buf = String::new();
            lines.render(cells, &mut buf);
            buf
        };
        assert_eq!(
            line(&["县0000", "2023年1月", "增长9.9%"]),
            "县0000,2023年1月,增长9.9%\n"
        );
        assert_eq!(line(&["a,b", "c"]), "\"a,b\",c\n");
        assert_eq!(line(&["说\"明\"", ""]), "\"说\"\"明\"\"\",\n");
        assert_eq!(line(&["x", "1\n2", "y\r"]), "x,\"1\n2\",\"y\r\"\n");
        assert_eq!(line(&[]), "\n");
        // More than 255 bytes: the count runs on past a byte lane's limit.
        let long = "甲".repeat(120);
        assert_eq!(line(&[&long, "1,2"]), format!("{long},\"1,2\"\n"));
        assert_eq!(specials(",".repeat(600).as_bytes()), 600);
    }

    #[test]
    fn aligned_columns_line_up_by_display_width() {
        let rows = vec![
            vec!["时期".to_string(), "数值".to_string()],
            vec!["2023年1—10月".to_string(), "1".to_string()],
        ];
        let mut text = String::new();
        write_aligned(&mut text, &rows);
        let lines: Vec<&str> = text.lines().collect();
        // The second column starts at the same display column on both lines.
        let col = |l: &str, cell: &str| width(&l[..l.find(cell).unwrap_or(0)]);
        assert_eq!(col(lines[0], "数值"), col(lines[1], " 1") + 1);
        assert_eq!(col(lines[0], "数值"), width("2023年1—10月") + 2);
    }
}
