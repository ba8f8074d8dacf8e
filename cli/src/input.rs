//! Reading what the user gives: a path or `-` for stdin, tables (long or wide CSV in UTF-8, GBK,
//! GB18030 or UTF-16; workbooks), ledgers, and report text decoded whole.

use std::io::{IsTerminal, Read};
use std::path::Path;

use tongji::{CsvOptions, ErrorKind, Ledger, Period, Table, WideOptions};

use crate::Failure;

/// Inputs at least this large get a progress bar (when stderr is a terminal).
const PROGRESS_FROM: usize = 8 << 20;

/// An input: its name for messages ("stdin" or the path) and its bytes.
pub(crate) struct Source {
    pub(crate) name: String,
    pub(crate) path: Option<std::path::PathBuf>,
    pub(crate) bytes: Vec<u8>,
}

impl Source {
    /// Reads `arg`: `-` is stdin, anything else a path.
    pub(crate) fn read(arg: &Path) -> Result<Source, Failure> {
        if arg.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::io(&"stdin", &e))?;
            return Ok(Source {
                name: "stdin".into(),
                path: None,
                bytes,
            });
        }
        let name = arg.display().to_string();
        if arg.is_dir() {
            return Err(Failure::Input(format!(
                "{name}: is a directory, expected a file"
            )));
        }
        let bytes = std::fs::read(arg).map_err(|e| Failure::io(&name, &e))?;
        Ok(Source {
            name,
            path: Some(arg.to_path_buf()),
            bytes,
        })
    }

    /// Whether the input is a workbook: by its extension, or by its first bytes (a zip or an OLE
    /// file) on stdin.
    fn is_workbook(&self) -> bool {
        let by_name = self
            .path
            .as_ref()
            .and_then(|p| p.extension())
            .is_some_and(|e| {
                let e = e.to_string_lossy().to_ascii_lowercase();
                matches!(e.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
            });
        by_name
            || self.bytes.starts_with(b"PK\x03\x04")
            || self.bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
    }

    /// The input as text: a BOM says its encoding (UTF-8, UTF-16LE/BE); otherwise UTF-8 when it
    /// is, else GB18030 (which includes GBK) when that decodes every byte. Anything else is an
    /// error naming the first byte that is not text.
    pub(crate) fn text(&self) -> Result<String, Failure> {
        if self.bytes.is_empty() {
            return Err(Failure::Input(format!("{}: the file is empty", self.name)));
        }
        if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&self.bytes) {
            let (text, had_errors) = encoding.decode_without_bom_handling(&self.bytes[bom..]);
            if had_errors {
                return Err(self.not_text(encoding.name()));
            }
            return Ok(text.into_owned());
        }
        match std::str::from_utf8(&self.bytes) {
            Ok(text) => Ok(text.to_string()),
            Err(utf8) => {
                let (text, had_errors) =
                    encoding_rs::GB18030.decode_without_bom_handling(&self.bytes);
                if had_errors {
                    Err(Failure::Input(format!(
                        "{}: byte {} is not text in UTF-8, GBK, GB18030 or UTF-16 (with a BOM)",
                        self.name,
                        utf8.valid_up_to()
                    )))
                } else {
                    Ok(text.into_owned())
                }
            }
        }
    }

    fn not_text(&self, encoding: &str) -> Failure {
        Failure::Input(format!(
            "{}: the file starts with a {encoding} byte-order mark but is not {encoding} text",
            self.name
        ))
    }
}

/// How a table file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Layout {
    /// Long when the header has 指标, 时期 and 数值 columns, else wide.
    Auto,
    /// One observation a row: 地区, 指标, 时期, 数值 (同比增长, 目标 …).
    Long,
    /// A 月报/快报: title rows, one indicator a row, value columns (本月, 1-本月累计, 同比增长 …).
    Wide,
}

/// How to read a table file: the options `compute`, `audit`, `render`, `rollup`, `chart` and
/// `fill` share.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct TableArgs {
    /// The layout of the file.
    #[arg(long, value_enum, default_value_t = Layout::Auto)]
    pub(crate) layout: Layout,
    /// The sheet of a workbook (the first sheet if not given).
    #[arg(long)]
    pub(crate) sheet: Option<String>,
    /// The region of every figure in a file that does not say (a wide table without a title row).
    #[arg(long, value_name = "REGION")]
    pub(crate) file_region: Option<String>,
    /// The period of every figure in a file that does not say ("2023年1—10月", "2023-10").
    #[arg(long, value_name = "PERIOD")]
    pub(crate) file_period: Option<String>,
    /// Stop at the first bad row instead of reporting it and using the others.
    #[arg(long)]
    pub(crate) strict: bool,
}

/// Parses a period argument, naming the option.
pub(crate) fn period_arg(option: &str, text: &str) -> Result<Period, Failure> {
    text.parse::<Period>()
        .map_err(|e| Failure::Usage(format!("{option} {text:?}: {e}")))
}

/// Reads a table: long or wide CSV, or a workbook. Bad rows are reported on stderr, each with
/// its line, and the good rows kept; with `--strict` the first one is the error.
pub(crate) fn read_table(source: &Source, args: &TableArgs) -> Result<Table, Failure> {
    if source.bytes.is_empty() {
        return Err(Failure::Input(format!(
            "{}: the file is empty",
            source.name
        )));
    }
    let (long, wide) = options(args)?;
    let progress = Progress::start(&source.name, source.bytes.len());
    let read = if source.is_workbook() {
        read_workbook(source, args.layout, &long, &wide)?
    } else {
        read_csv(
            &source.name,
            || Ok(progress.wrap(source.bytes.as_slice())),
            args.layout,
            &long,
            &wide,
        )?
    };
    progress.finish();
    checked(&source.name, read)
}

/// The readers' options from the command's.
fn options(args: &TableArgs) -> Result<(CsvOptions, WideOptions), Failure> {
    let period = args
        .file_period
        .as_deref()
        .map(|p| period_arg("--file-period", p))
        .transpose()?;
    let mut long = CsvOptions::new().strict(args.strict);
    let mut wide = WideOptions::new().strict(args.strict);
    if let Some(r) = &args.file_region {
        long = long.region(r);
        wide = wide.region(r);
    }
    if let Some(p) = period {
        long = long.period(p);
        wide = wide.period(p);
    }
    if let Some(s) = &args.sheet {
        long = long.sheet(s);
        wide = wide.sheet(s);
    }
    Ok((long, wide))
}

/// A CSV table, long or wide by `layout`; `open` gives the input from its start, each time it is
/// called (an automatic layout reads it a second time as wide when it is not long).
fn read_csv<'r, R: Read + 'r>(
    name: &str,
    open: impl Fn() -> Result<R, Failure>,
    layout: Layout,
    long: &CsvOptions,
    wide: &WideOptions,
) -> Result<Read2, Failure> {
    Ok(match layout {
        Layout::Long => Table::read_csv_with(open()?, long),
        Layout::Wide => Table::read_wide_csv(open()?, wide),
        Layout::Auto => match Table::read_csv_with(open()?, long) {
            Err(e) if e.kind() == ErrorKind::MissingColumn => {
                Ok(Table::read_wide_csv(open()?, wide).map_err(|wide_error| {
                    Failure::Input(format!(
                        "{name}: neither a long table ({e}) nor a wide one ({wide_error})"
                    ))
                })?)
            }
            other => other,
        },
    })
}

/// The table read, its bad rows reported on stderr; an error when nothing was read.
fn checked(name: &str, read: Read2) -> Result<Table, Failure> {
    let (table, bad_rows) = read.map_err(|e| Failure::Input(format!("{name}: {e}")))?;
    for e in &bad_rows {
        eprintln!("tongji: {name}: {e} (row not read)");
    }
    if table.is_empty() {
        return Err(Failure::Input(format!(
            "{name}: no figures read{}",
            if bad_rows.is_empty() {
                ""
            } else {
                " (every row was bad)"
            }
        )));
    }
    Ok(table)
}

type Read2 = tongji::Result<(Table, Vec<tongji::Error>)>;

/// Reads the table at `arg` as [`read_table`] does, streaming a CSV file from disk instead of
/// holding it whole (a large file then takes the table's memory, not twice the file's); stdin and
/// workbooks are read whole. Returns the input's name for messages.
pub(crate) fn read_table_at(arg: &Path, args: &TableArgs) -> Result<(String, Table), Failure> {
    let name = arg.display().to_string();
    let streamable = arg.as_os_str() != "-" && arg.is_file() && !workbook_name(arg);
    let magic = |path: &Path| -> std::io::Result<Vec<u8>> {
        let mut head = Vec::with_capacity(8);
        std::fs::File::open(path)?.take(8).read_to_end(&mut head)?;
        Ok(head)
    };
    let head = if streamable {
        magic(arg).map_err(|e| Failure::io(&name, &e))?
    } else {
        Vec::new()
    };
    if !streamable || head.starts_with(b"PK\x03\x04") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
    {
        let source = Source::read(arg)?;
        let table = read_table(&source, args)?;
        return Ok((source.name, table));
    }
    if head.is_empty() {
        return Err(Failure::Input(format!("{name}: the file is empty")));
    }
    let (long, wide) = options(args)?;
    let len = std::fs::metadata(arg).map_or(0, |m| usize::try_from(m.len()).unwrap_or(usize::MAX));
    let progress = Progress::start(&name, len);
    let open = || {
        std::fs::File::open(arg)
            .map(|f| progress.wrap(f))
            .map_err(|e| Failure::io(&name, &e))
    };
    let read = read_csv(&name, open, args.layout, &long, &wide)?;
    progress.finish();
    let table = checked(&name, read)?;
    Ok((name, table))
}

/// A workbook by its extension.
fn workbook_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        matches!(e.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods")
    })
}

fn read_workbook(
    source: &Source,
    layout: Layout,
    long: &CsvOptions,
    wide: &WideOptions,
) -> Result<Read2, Failure> {
    let temp;
    let path: &Path = match &source.path {
        Some(p) => p,
        None => {
            // calamine reads from a path: a workbook on stdin goes through a file of our own.
            temp = TempFile::write(&source.bytes)?;
            &temp.path
        }
    };
    Ok(match layout {
        Layout::Long => Table::read_xlsx_long(path, long),
        Layout::Wide => Table::read_xlsx(path, wide),
        Layout::Auto => match Table::read_xlsx_long(path, long) {
            Err(e) if e.kind() == ErrorKind::MissingColumn => Table::read_xlsx(path, wide),
            other => other,
        },
    })
}

/// A file in the temporary directory, removed when dropped.
struct TempFile {
    path: std::path::PathBuf,
}

impl TempFile {
    fn write(bytes: &[u8]) -> Result<TempFile, Failure> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("tongji-stdin-{}-{nanos}.xlsx", std::process::id()));
        std::fs::write(&path, bytes).map_err(|e| Failure::io(&path.display(), &e))?;
        Ok(TempFile { path })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A progress bar on stderr for a large input, only when stderr is a terminal.
pub(crate) struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// A bar for reading `len` bytes of `name`, or none.
    pub(crate) fn start(name: &str, len: usize) -> Progress {
        if len < PROGRESS_FROM {
            return Progress { bar: None };
        }
        Progress::bar(
            len,
            "{msg} [{bar:40}] {bytes}/{total_bytes} {elapsed}",
            format!("读取 {name}"),
        )
    }

    /// A bar for computing `rows` rows, or none (a table of fewer rows than a large file has).
    pub(crate) fn rows(what: &str, rows: usize) -> Progress {
        if rows < PROGRESS_FROM / 64 {
            return Progress { bar: None };
        }
        Progress::bar(
            rows,
            "{msg} [{bar:40}] {pos}/{len}行 {elapsed}",
            what.to_string(),
        )
    }

    fn bar(len: usize, template: &str, message: String) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message);
        Progress { bar: Some(bar) }
    }

    /// Moves the bar on by `n`.
    pub(crate) fn advance(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    /// `reader`, advancing the bar as it is read.
    pub(crate) fn wrap<'r, R: Read + 'r>(&self, reader: R) -> Box<dyn Read + 'r> {
        match &self.bar {
            Some(bar) => Box::new(bar.wrap_read(reader)),
            None => Box::new(reader),
        }
    }

    /// Clears the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Reads a ledger (改革台账 or 整改台账 CSV); bad rows reported as for tables.
pub(crate) fn read_ledger(source: &Source, strict: bool) -> Result<Ledger, Failure> {
    if source.bytes.is_empty() {
        return Err(Failure::Input(format!(
            "{}: the file is empty",
            source.name
        )));
    }
    let (ledger, bad_rows) =
        Ledger::read_csv_with(source.bytes.as_slice(), &CsvOptions::new().strict(strict))
            .map_err(|e| Failure::Input(format!("{}: {e}", source.name)))?;
    for e in &bad_rows {
        eprintln!("tongji: {}: {e} (row not read)", source.name);
    }
    Ok(ledger)
}
