//! The crate's one error type: opaque, one pointer wide, with a kind to branch on, the input it
//! refused, where in a file or text it happened, and the underlying I/O or CSV error as its source.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// Everything that can go wrong in `tongji`.
///
/// An `Error` is one pointer wide (`Result<Rate>` is barely larger than a `Rate`), `Clone`, `Send`
/// and `Sync`. Branch on [`Error::kind`] or one of the `is_*` predicates; show it with `Display`,
/// which is lowercase English and quotes the offending Chinese input as written. Where the error
/// happened — the line and column of a CSV file, or a byte offset into a text — is its
/// [`Error::location`]; an I/O, CSV or decoding failure keeps the original error as
/// [`std::error::Error::source`].
///
/// # Examples
///
/// ```
/// use tongji::{ErrorKind, Quantity, Table};
/// let err = "X亿元".parse::<Quantity>().unwrap_err();
/// assert!(err.is_placeholder());
/// assert_eq!(err.kind(), ErrorKind::Placeholder);
/// assert_eq!(err.to_string(), r#""X亿元" is a placeholder, not a figure"#);
///
/// let (_, bad) = Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年13月,1亿元\n".as_bytes())?;
/// assert_eq!(bad[0].location().and_then(|l| l.line()), Some(2));
/// assert_eq!(
///     bad[0].to_string(),
///     r#"line 2, column 时期: cannot parse "2023年13月" as a period: expected a month from 1 to 12, found 13 (at byte 7)"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    detail: Detail,
    location: Option<Location>,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

/// What an error is about, with the values its message names; its Display is the message.
#[derive(Debug, Clone, thiserror::Error)]
enum Detail {
    #[error("cannot parse {input:?} as {expected}: {reason} (at byte {offset})")]
    Parse {
        input: Box<str>,
        expected: &'static str,
        reason: Cow<'static, str>,
        offset: usize,
    },
    #[error("{input:?} is a placeholder, not a figure")]
    Placeholder { input: Box<str> },
    #[error("unknown unit {unit:?}{}", in_input(input, unit))]
    UnknownUnit { input: Box<str>, unit: Box<str> },
    #[error("unknown indicator {name:?}: not a code, name or alias in the catalog")]
    UnknownIndicator { name: Box<str> },
    #[error("unit mismatch: {left} and {right} cannot be combined")]
    UnitMismatch { left: Box<str>, right: Box<str> },
    #[error("overflow: {operation} does not fit a decimal (28 significant digits)")]
    Overflow { operation: &'static str },
    #[error("{value} has no exact decimal form in {unit}")]
    Inexact { value: Box<str>, unit: Box<str> },
    #[error("{operand} is zero")]
    ZeroBase { operand: &'static str },
    #[error("{operand} {value} is below zero")]
    NegativeBase {
        operand: &'static str,
        value: Box<str>,
    },
    #[error("{operand} {value} is out of range: expected {expected}")]
    OutOfRange {
        operand: &'static str,
        value: Box<str>,
        expected: &'static str,
    },
    #[error("{what} do not pair up: {left} against {right}")]
    LengthMismatch {
        what: &'static str,
        left: usize,
        right: usize,
    },
    #[error("{operand} is empty")]
    Empty { operand: &'static str },
    #[error("no {what}")]
    NotFound { what: Box<str> },
    #[error(
        "growth of {indicator} is published at comparable prices or coverage and cannot be recomputed from levels"
    )]
    NotRecomputable { indicator: Box<str> },
    #[error("duplicate {key}{}", first_line.map(|l| format!(" (first at line {l})")).unwrap_or_default())]
    Duplicate {
        key: Box<str>,
        first_line: Option<u64>,
    },
    #[error("{indicator} is not {expected}")]
    WrongIndicatorKind {
        indicator: Box<str>,
        expected: &'static str,
    },
    #[error("missing column {missing} in the header {header:?}")]
    MissingColumn { missing: Box<str>, header: Box<str> },
    #[error("malformed CSV{}", reason.map(|r| format!(": {r}")).unwrap_or_default())]
    Csv { reason: Option<&'static str> },
    #[error("cannot read or write the data")]
    Io,
    #[error(
        "the bytes are not text in the file's encoding (UTF-8, GBK, GB18030 or UTF-16 with a BOM)"
    )]
    Encoding,
    #[error("{what}")]
    Inconsistent { what: Box<str> },
    #[error("cannot read the workbook: {reason}")]
    Spreadsheet { reason: Box<str> },
}

/// " in \"3光年\"" when the unit is part of a longer input, nothing when it is the input.
fn in_input(input: &str, unit: &str) -> String {
    if input == unit {
        String::new()
    } else {
        format!(" in {input:?}")
    }
}

/// The kind of an [`Error`]: what callers branch on.
///
/// # Examples
///
/// ```
/// use tongji::{completion, ErrorKind, Quantity};
/// let q = |s: &str| s.parse::<Quantity>();
/// let err = completion(&q("1万元")?, &q("0万元")?).unwrap_err();
/// match err.kind() {
///     ErrorKind::ZeroBase => assert_eq!(err.to_string(), "target is zero"),
///     other => panic!("unexpected {other}"),
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Text that is not a figure of the expected form (the input is quoted).
    Parse,
    /// A placeholder ("X", "XX", "—", "…") where a figure should be: missing, never zero.
    Placeholder,
    /// A unit the crate does not know ("光年").
    UnknownUnit,
    /// An indicator the catalog does not know.
    UnknownIndicator,
    /// Figures whose units cannot be combined (元 and 人次, 项 and 件).
    UnitMismatch,
    /// A result too large, or with more digits, than a 96-bit decimal holds.
    Overflow,
    /// A conversion whose result has no exact decimal form (1 亩 in 公顷 is 1/15).
    Inexact,
    /// A divisor — a base, a target, a total — of zero.
    ZeroBase,
    /// A base, target or total below zero where a positive one is needed.
    NegativeBase,
    /// A number outside what the formula or the calendar allows (month 13, 0 years, −100%).
    OutOfRange,
    /// Two lists that must pair up have different lengths.
    LengthMismatch,
    /// An empty list, or a blank field that must have a value.
    Empty,
    /// A figure that is not in the table (region, indicator, period).
    NotFound,
    /// A growth asked of an indicator whose growth is published only, and none was published.
    NotRecomputable,
    /// The same key twice: an observation, a task id, a catalog name.
    Duplicate,
    /// An indicator of the wrong kind for the operation (a stock summed over months).
    WrongIndicatorKind,
    /// A CSV header without a column the reader needs.
    MissingColumn,
    /// Input that is not well-formed CSV (an unclosed quote); the CSV error is the source.
    Csv,
    /// Reading or writing failed; the I/O error is the source.
    Io,
    /// Bytes that are not text in any encoding the reader knows.
    Encoding,
    /// Figures of one row that disagree: a published 完成率 its level and target do not give.
    Inconsistent,
    /// A workbook that cannot be read (not xlsx/xls/ods, damaged), has no such sheet, or merges
    /// cells over its data.
    Spreadsheet,
}

impl ErrorKind {
    /// A short, stable, lowercase name ("parse", "zero_base" …), for logs and JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = "光年".parse::<tongji::Unit>().unwrap_err();
    /// assert_eq!(err.kind().as_str(), "unknown_unit");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Parse => "parse",
            ErrorKind::Placeholder => "placeholder",
            ErrorKind::UnknownUnit => "unknown_unit",
            ErrorKind::UnknownIndicator => "unknown_indicator",
            ErrorKind::UnitMismatch => "unit_mismatch",
            ErrorKind::Overflow => "overflow",
            ErrorKind::Inexact => "inexact",
            ErrorKind::ZeroBase => "zero_base",
            ErrorKind::NegativeBase => "negative_base",
            ErrorKind::OutOfRange => "out_of_range",
            ErrorKind::LengthMismatch => "length_mismatch",
            ErrorKind::Empty => "empty",
            ErrorKind::NotFound => "not_found",
            ErrorKind::NotRecomputable => "not_recomputable",
            ErrorKind::Duplicate => "duplicate",
            ErrorKind::WrongIndicatorKind => "wrong_indicator_kind",
            ErrorKind::MissingColumn => "missing_column",
            ErrorKind::Csv => "csv",
            ErrorKind::Io => "io",
            ErrorKind::Encoding => "encoding",
            ErrorKind::Inconsistent => "inconsistent",
            ErrorKind::Spreadsheet => "spreadsheet",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an error happened: the line and column of a file, and a byte offset into it.
///
/// Lines count from 1 and are physical lines (a header is line 1); the column is the header as
/// written in the file ("数值", "value"); the byte offset is from the start of the input.
///
/// # Examples
///
/// ```
/// let csv = "地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n";
/// let (_, bad) = tongji::Table::read_csv(csv.as_bytes())?;
/// let at = bad[0].location().unwrap();
/// assert_eq!((at.line(), at.column()), (Some(2), Some("数值")));
/// assert_eq!(at.offset(), Some(28)); // where line 2 starts
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u64>,
    /// The sheet of a workbook, and the cell in A1 form.
    #[serde(skip_serializing_if = "Option::is_none")]
    sheet: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<Box<str>>,
}

impl Location {
    /// The line, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let (_, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n\n示例县,gdp,2023年,—\n".as_bytes())?;
    /// assert_eq!(bad[0].location().unwrap().line(), Some(3)); // the blank line counts
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The column's header as written in the file.
    ///
    /// # Examples
    ///
    /// ```
    /// let (_, bad) = tongji::Table::read_csv("region,indicator,period,value\n示例县,gdp,2023/10,1亿元\n".as_bytes())?;
    /// assert_eq!(bad[0].location().unwrap().column(), Some("period"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn column(&self) -> Option<&str> {
        self.column.as_deref()
    }

    /// The byte offset into the input where the line (or the figure) starts.
    ///
    /// # Examples
    ///
    /// ```
    /// let (_, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿人次\n".as_bytes())?;
    /// assert_eq!(bad[0].location().unwrap().offset(), Some(28));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offset(&self) -> Option<u64> {
        self.offset
    }

    /// The sheet of a workbook the error is in.
    ///
    /// # Examples
    ///
    /// ```
    /// let (_, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n".as_bytes())?;
    /// assert_eq!(bad[0].location().unwrap().sheet(), None); // a CSV file has no sheets
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sheet(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// The cell of a workbook the error is in, in Excel's A1 form ("C5"); its row is
    /// [`Location::line`].
    ///
    /// # Examples
    ///
    /// ```
    /// let (_, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n".as_bytes())?;
    /// assert_eq!(bad[0].location().unwrap().cell(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cell(&self) -> Option<&str> {
        self.cell.as_deref()
    }
}

/// The A1 name of the cell at 0-based `row` and `column`: (4, 2) → "C5".
pub(crate) fn a1(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut c = u64::from(column) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(u64::from(row) + 1).to_string()
}

impl fmt::Display for Location {
    /// "line 3, column 数值", "line 3", or "byte 120"; in a workbook "sheet 月报, cell C5, column
    /// 累计" or "sheet 月报, row 5".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(sheet) = &self.sheet {
            write!(f, "sheet {sheet}")?;
            match (&self.cell, self.line) {
                (Some(cell), _) => write!(f, ", cell {cell}")?,
                (None, Some(line)) => write!(f, ", row {line}")?,
                (None, None) => {}
            }
            if let Some(column) = &self.column {
                write!(f, ", column {column}")?;
            }
            return Ok(());
        }
        match (self.line, &self.column, self.offset) {
            (Some(line), Some(column), _) => write!(f, "line {line}, column {column}"),
            (Some(line), None, _) => write!(f, "line {line}"),
            (None, Some(column), _) => write!(f, "column {column}"),
            (None, None, Some(offset)) => write!(f, "byte {offset}"),
            (None, None, None) => Ok(()),
        }
    }
}

/// How much of an input an error keeps and quotes: enough to recognise it, never a whole file.
const QUOTE_LIMIT: usize = 200;

/// `input`, cut at a character boundary after [`QUOTE_LIMIT`] bytes with "…" to show the cut.
fn quote(input: &str) -> Box<str> {
    if input.len() <= QUOTE_LIMIT {
        return input.into();
    }
    let mut end = QUOTE_LIMIT;
    while !input.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &input[..end]).into()
}

impl Error {
    fn new(detail: Detail) -> Error {
        Error {
            inner: Box::new(Inner {
                detail,
                location: None,
                source: None,
            }),
        }
    }

    /// What kind of error this is.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{ErrorKind, Quantity};
    /// let a: Quantity = "3亿元".parse()?;
    /// let err = a.checked_add(&"3万人次".parse()?).unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::UnitMismatch);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match &self.inner.detail {
            Detail::Parse { .. } => ErrorKind::Parse,
            Detail::Placeholder { .. } => ErrorKind::Placeholder,
            Detail::UnknownUnit { .. } => ErrorKind::UnknownUnit,
            Detail::UnknownIndicator { .. } => ErrorKind::UnknownIndicator,
            Detail::UnitMismatch { .. } => ErrorKind::UnitMismatch,
            Detail::Overflow { .. } => ErrorKind::Overflow,
            Detail::Inexact { .. } => ErrorKind::Inexact,
            Detail::ZeroBase { .. } => ErrorKind::ZeroBase,
            Detail::NegativeBase { .. } => ErrorKind::NegativeBase,
            Detail::OutOfRange { .. } => ErrorKind::OutOfRange,
            Detail::LengthMismatch { .. } => ErrorKind::LengthMismatch,
            Detail::Empty { .. } => ErrorKind::Empty,
            Detail::NotFound { .. } => ErrorKind::NotFound,
            Detail::NotRecomputable { .. } => ErrorKind::NotRecomputable,
            Detail::Duplicate { .. } => ErrorKind::Duplicate,
            Detail::WrongIndicatorKind { .. } => ErrorKind::WrongIndicatorKind,
            Detail::MissingColumn { .. } => ErrorKind::MissingColumn,
            Detail::Csv { .. } => ErrorKind::Csv,
            Detail::Io => ErrorKind::Io,
            Detail::Encoding => ErrorKind::Encoding,
            Detail::Inconsistent { .. } => ErrorKind::Inconsistent,
            Detail::Spreadsheet { .. } => ErrorKind::Spreadsheet,
        }
    }

    /// Where the error happened, when it came from a file or a text.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("X%".parse::<tongji::Rate>().unwrap_err().location().is_none());
    /// let (_, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n".as_bytes())?;
    /// assert_eq!(bad[0].location().unwrap().to_string(), "line 2, column 数值");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        self.inner.location.as_ref()
    }

    /// The text that was refused, as given (clipped to a couple of hundred bytes, with "…"):
    /// for parse errors, placeholders and unknown units.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = "约X万人次".parse::<tongji::Quantity>().unwrap_err();
    /// assert_eq!(err.input(), Some("约X万人次"));
    /// let long = "1".repeat(5_000) + "亿元";
    /// assert!(long.parse::<tongji::Quantity>().unwrap_err().input().unwrap().len() < 300);
    /// ```
    #[must_use]
    pub fn input(&self) -> Option<&str> {
        match &self.inner.detail {
            Detail::Parse { input, .. }
            | Detail::Placeholder { input }
            | Detail::UnknownUnit { input, .. } => Some(input),
            _ => None,
        }
    }

    /// Whether a figure is a placeholder ("X", "XX", "—") rather than a number: missing, never zero.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rate;
    /// assert!("XX%".parse::<Rate>().unwrap_err().is_placeholder());
    /// assert!(!"abc%".parse::<Rate>().unwrap_err().is_placeholder());
    /// ```
    #[must_use]
    pub fn is_placeholder(&self) -> bool {
        self.kind() == ErrorKind::Placeholder
    }

    /// Whether text did not have the expected form.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("增长四点一%".parse::<tongji::Growth>().unwrap_err().is_parse());
    /// assert!(!"增长X%".parse::<tongji::Growth>().unwrap_err().is_parse()); // a placeholder
    /// ```
    #[must_use]
    pub fn is_parse(&self) -> bool {
        self.kind() == ErrorKind::Parse
    }

    /// Whether two figures' units could not be combined.
    ///
    /// # Examples
    ///
    /// ```
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert!(tongji::growth(&q("3项")?, &q("2件")?).unwrap_err().is_unit_mismatch());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_unit_mismatch(&self) -> bool {
        self.kind() == ErrorKind::UnitMismatch
    }

    /// Whether an indicator is not in the catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::Table::new();
    /// assert!(t.growth("示例县", "无此指标", &"2023年".parse()?).unwrap_err().is_unknown_indicator());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_unknown_indicator(&self) -> bool {
        self.kind() == ErrorKind::UnknownIndicator
    }

    /// Whether a unit is not one the crate knows.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("3光年".parse::<tongji::Quantity>().unwrap_err().is_unknown_unit());
    /// ```
    #[must_use]
    pub fn is_unknown_unit(&self) -> bool {
        self.kind() == ErrorKind::UnknownUnit
    }

    /// Whether a divisor (a base, target or total) was zero.
    ///
    /// # Examples
    ///
    /// ```
    /// let q = |s: &str| s.parse::<tongji::Quantity>();
    /// assert!(tongji::share(&q("1万元")?, &q("0万元")?).unwrap_err().is_zero_base());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_zero_base(&self) -> bool {
        self.kind() == ErrorKind::ZeroBase
    }

    /// Whether a result did not fit a decimal.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!("99999999999999999999999万亿元".parse::<tongji::Quantity>().unwrap_err().is_overflow());
    /// ```
    #[must_use]
    pub fn is_overflow(&self) -> bool {
        self.kind() == ErrorKind::Overflow
    }

    /// Whether reading or writing failed; the I/O error is the [`source`](std::error::Error::source).
    ///
    /// # Examples
    ///
    /// ```
    /// struct Broken;
    /// impl std::io::Read for Broken {
    ///     fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
    ///         Err(std::io::Error::other("disk on fire"))
    ///     }
    /// }
    /// let err = tongji::Table::read_csv(Broken).unwrap_err();
    /// assert!(err.is_io());
    /// assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "disk on fire");
    /// ```
    #[must_use]
    pub fn is_io(&self) -> bool {
        self.kind() == ErrorKind::Io
    }

    // ---- constructors, for the crate ----

    pub(crate) fn parse(
        input: &str,
        expected: &'static str,
        reason: impl Into<Cow<'static, str>>,
        offset: usize,
    ) -> Error {
        Error::new(Detail::Parse {
            input: quote(input),
            expected,
            reason: reason.into(),
            offset,
        })
    }

    pub(crate) fn placeholder(input: &str) -> Error {
        Error::new(Detail::Placeholder {
            input: quote(input),
        })
    }

    pub(crate) fn unknown_unit(input: &str, unit: &str) -> Error {
        Error::new(Detail::UnknownUnit {
            input: quote(input),
            unit: quote(unit),
        })
    }

    pub(crate) fn unknown_indicator(name: &str) -> Error {
        Error::new(Detail::UnknownIndicator { name: quote(name) })
    }

    pub(crate) fn mismatch(left: impl fmt::Display, right: impl fmt::Display) -> Error {
        Error::new(Detail::UnitMismatch {
            left: left.to_string().into(),
            right: right.to_string().into(),
        })
    }

    pub(crate) fn overflow(operation: &'static str) -> Error {
        Error::new(Detail::Overflow { operation })
    }

    pub(crate) fn inexact(value: impl fmt::Display, unit: impl fmt::Display) -> Error {
        Error::new(Detail::Inexact {
            value: quote(&value.to_string()),
            unit: unit.to_string().into(),
        })
    }

    pub(crate) fn zero_base(operand: &'static str) -> Error {
        Error::new(Detail::ZeroBase { operand })
    }

    pub(crate) fn negative_base(operand: &'static str, value: impl fmt::Display) -> Error {
        Error::new(Detail::NegativeBase {
            operand,
            value: quote(&value.to_string()),
        })
    }

    pub(crate) fn out_of_range(
        operand: &'static str,
        value: impl fmt::Display,
        expected: &'static str,
    ) -> Error {
        Error::new(Detail::OutOfRange {
            operand,
            value: quote(&value.to_string()),
            expected,
        })
    }

    pub(crate) fn length_mismatch(what: &'static str, left: usize, right: usize) -> Error {
        Error::new(Detail::LengthMismatch { what, left, right })
    }

    pub(crate) fn empty(operand: &'static str) -> Error {
        Error::new(Detail::Empty { operand })
    }

    pub(crate) fn not_found(what: impl fmt::Display) -> Error {
        Error::new(Detail::NotFound {
            what: what.to_string().into(),
        })
    }

    pub(crate) fn not_recomputable(indicator: &str) -> Error {
        Error::new(Detail::NotRecomputable {
            indicator: indicator.into(),
        })
    }

    pub(crate) fn duplicate(key: impl fmt::Display, first_line: Option<u64>) -> Error {
        Error::new(Detail::Duplicate {
            key: quote(&key.to_string()),
            first_line,
        })
    }

    pub(crate) fn wrong_indicator_kind(indicator: &str, expected: &'static str) -> Error {
        Error::new(Detail::WrongIndicatorKind {
            indicator: indicator.into(),
            expected,
        })
    }

    pub(crate) fn missing_column(missing: &str, header: &str) -> Error {
        Error::new(Detail::MissingColumn {
            missing: missing.into(),
            header: quote(header),
        })
    }

    pub(crate) fn io(source: std::io::Error) -> Error {
        Error::new(Detail::Io).with_source(source)
    }

    /// A CSV-level failure: I/O, bad UTF-8 and malformed CSV each get their own kind.
    pub(crate) fn csv(source: csv::Error) -> Error {
        let (detail, line, offset) = match source.kind() {
            csv::ErrorKind::Io(_) => (Detail::Io, None, None),
            csv::ErrorKind::Utf8 { pos, .. } => (
                Detail::Encoding,
                pos.as_ref().map(csv::Position::line),
                pos.as_ref().map(csv::Position::byte),
            ),
            _ => (
                Detail::Csv { reason: None },
                source.position().map(csv::Position::line),
                source.position().map(csv::Position::byte),
            ),
        };
        let mut e = Error::new(detail).with_source(source);
        e.inner.location = Some(Location {
            line,
            offset,
            ..Location::default()
        });
        e
    }

    pub(crate) fn inconsistent(what: impl fmt::Display) -> Error {
        Error::new(Detail::Inconsistent {
            what: quote(&what.to_string()),
        })
    }

    pub(crate) fn spreadsheet(reason: impl fmt::Display) -> Error {
        Error::new(Detail::Spreadsheet {
            reason: quote(&reason.to_string()),
        })
    }

    /// The error located in `sheet` at the 0-based `row` and `column` (`None`: the whole row).
    pub(crate) fn at_cell(mut self, sheet: &str, row: u32, column: Option<u32>) -> Error {
        let at = self.inner.location.get_or_insert_with(Location::default);
        at.sheet = Some(sheet.into());
        at.line = Some(u64::from(row) + 1);
        at.cell = column.map(|c| a1(row, c).into());
        self
    }

    /// Bytes that are not text in the encoding the input was read in.
    pub(crate) fn encoding() -> Error {
        Error::new(Detail::Encoding)
    }

    /// Malformed CSV the csv crate does not report: a quote never closed.
    pub(crate) fn unclosed_quote(line: u64, offset: u64) -> Error {
        Error::new(Detail::Csv {
            reason: Some(
                "a quote opened here is never closed, so the rest of the file would be one field",
            ),
        })
        .at_line(line, Some(offset))
    }

    fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Error {
        self.inner.source = Some(Arc::new(source));
        self
    }

    /// The error located at `line` (and `offset`, the byte where the line starts), keeping any
    /// column it already names.
    pub(crate) fn at_line(mut self, line: u64, offset: Option<u64>) -> Error {
        let at = self.inner.location.get_or_insert_with(Location::default);
        at.line = Some(line);
        if offset.is_some() {
            at.offset = offset;
        }
        self
    }

    /// The error located in the column headed `column`.
    pub(crate) fn in_column(mut self, column: &str) -> Error {
        self.inner
            .location
            .get_or_insert_with(Location::default)
            .column = Some(column.into());
        self
    }

    /// The error's line, for ordering a file's errors.
    pub(crate) fn line(&self) -> u64 {
        self.location().and_then(Location::line).unwrap_or(0)
    }
}

impl fmt::Display for Error {
    /// The location first, when there is one: "line 3, column 数值: …".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner.location {
            Some(at) if at.line.is_some() || at.column.is_some() => {
                write!(f, "{at}: {}", self.inner.detail)
            }
            _ => self.inner.detail.fmt(f),
        }
    }
}

impl serde::Serialize for Error {
    /// `{"kind": "parse", "message": "line 2, column 数值: …", "location": {"line": 2, …}}`: the
    /// kind's stable name, the whole message, and the location when there is one.
    ///
    /// ```
    /// let (_, bad) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,X亿元\n".as_bytes())?;
    /// let json = serde_json::to_value(&bad[0])?;
    /// assert_eq!(json["kind"], "placeholder");
    /// assert_eq!(json["message"], r#"line 2, column 数值: "X亿元" is a placeholder, not a figure"#);
    /// assert_eq!(json["location"], serde_json::json!({"line": 2, "column": "数值", "offset": 28}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Error", 3)?;
        s.serialize_field("kind", self.kind().as_str())?;
        s.serialize_field("message", &self.to_string())?;
        s.serialize_field("location", &self.inner.location)?;
        s.end()
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.kind())
            .field("message", &format_args!("{}", self));
        if let Some(source) = &self.inner.source {
            d.field("source", source);
        }
        d.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// `Result` with the crate's [`Error`] as the default error type, so that `use tongji::*` leaves
/// `Result<(), Box<dyn std::error::Error>>` working.
///
/// # Examples
///
/// ```
/// use tongji::*;
/// fn parse(s: &str) -> Result<Quantity> {
///     s.parse()
/// }
/// // The two-parameter form still means std's Result with any error type:
/// fn report() -> Result<(), Box<dyn std::error::Error>> {
///     assert_eq!(parse("2.85亿元")?.to_string(), "2.85亿元");
///     Ok(())
/// }
/// assert!(report().is_ok());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_and_thread_safe() {
        fn auto<T: Send + Sync + Clone + 'static>() {}
        auto::<Error>();
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn quotes_are_clipped_at_a_char_boundary() {
        let long = "亿".repeat(1000);
        let q = quote(&long);
        assert!(q.len() <= QUOTE_LIMIT + "…".len());
        assert!(q.ends_with('…'));
        assert_eq!(&*quote("短"), "短");
    }

    #[test]
    fn location_keeps_the_column_when_the_line_is_added() {
        let e = Error::placeholder("X")
            .in_column("数值")
            .at_line(3, Some(40));
        assert_eq!(
            e.to_string(),
            r#"line 3, column 数值: "X" is a placeholder, not a figure"#
        );
        assert_eq!(e.location().and_then(Location::offset), Some(40));
    }
}
