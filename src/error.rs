//! The crate's one error type.

/// Everything that can go wrong in `tongji`.
///
/// Every variant names the operand or quotes the input it refused, so a message can be shown to the
/// person who typed the figure. Messages are English; the offending Chinese text is quoted as written.
///
/// # Examples
///
/// ```
/// use tongji::{Error, Quantity};
/// let err = "X亿元".parse::<Quantity>().unwrap_err();
/// assert!(err.is_placeholder());
/// assert_eq!(err.to_string(), r#""X亿元" is a placeholder, not a figure"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Text that is not a figure of the expected form.
    #[error("cannot parse {input:?} as {expected}: {reason} at character {position}")]
    Parse {
        /// The text as given.
        input: String,
        /// What the text should have been ("a quantity", "a rate", "a period" …).
        expected: &'static str,
        /// What was wrong.
        reason: &'static str,
        /// Index (in characters, from 0) of the first character that did not fit.
        position: usize,
    },
    /// A placeholder such as "X", "XX", "—" or "…" where a figure should be: missing, never zero.
    #[error("{input:?} is a placeholder, not a figure")]
    Placeholder {
        /// The text as given.
        input: String,
    },
    /// A unit the crate does not know.
    #[error("unknown unit {unit:?} in {input:?}")]
    UnknownUnit {
        /// The text as given.
        input: String,
        /// The part read as the unit.
        unit: String,
    },
    /// Two figures whose units cannot be combined (元 and 人次, 项 and 件 …).
    #[error("unit mismatch: {left} and {right} cannot be combined")]
    UnitMismatch {
        /// The left operand's unit.
        left: String,
        /// The right operand's unit.
        right: String,
    },
    /// A result too large (or too finely divided) for a 96-bit decimal.
    #[error("overflow in {operation}")]
    Overflow {
        /// The operation that overflowed.
        operation: &'static str,
    },
    /// A division whose divisor is zero.
    #[error("division by zero: {operand} is zero")]
    DivisionByZero {
        /// The operand that was zero ("target", "total", "previous" …).
        operand: &'static str,
    },
    /// An operand outside the domain of a formula (a target ≤ 0, years ≤ 0, a negative base …).
    #[error("invalid {operand} {value}: {expected}")]
    Domain {
        /// The operand ("target", "years" …).
        operand: &'static str,
        /// The value given, as text.
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// A unit conversion whose result has no exact decimal form (1 亩 in 公顷 is 1/15).
    #[error("{value} has no exact decimal form in {unit}")]
    Inexact {
        /// The value being converted, as text.
        value: String,
        /// The target unit.
        unit: String,
    },
    /// A figure that is not there: no observation for a region, indicator and period.
    #[error("no {what}")]
    Missing {
        /// What was looked for ("社会消费品零售总额 of 示例县 in 2022年").
        what: String,
    },
    /// A growth rate asked of an indicator whose growth is published only (at comparable prices
    /// or on a comparable coverage) and none was published.
    #[error(
        "growth of {indicator} is published at comparable prices or coverage and cannot be recomputed from levels"
    )]
    NotRecomputable {
        /// The indicator's name.
        indicator: String,
    },
    /// The same region, indicator and period twice.
    #[error("duplicate {key}{}", first_line.map(|l| format!(" (first at line {l})")).unwrap_or_default())]
    Duplicate {
        /// What is duplicated: "observation 示例县 / 地区生产总值 / 2023年", "task 12".
        key: String,
        /// The line of the observation already held, when it came from a file.
        first_line: Option<u64>,
    },
    /// A CSV file that could not be read as CSV (unequal fields, bad encoding, I/O).
    #[error("csv{}: {message}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Csv {
        /// The line, when known.
        line: Option<u64>,
        /// What went wrong.
        message: String,
    },
    /// A bad row of a CSV file: which line, which column, and what was wrong with it.
    #[error("line {line}, column {column}: {error}")]
    Row {
        /// The line number in the file (the header is line 1).
        line: u64,
        /// The column's header ("数值", "value" …).
        column: String,
        /// What was wrong.
        error: Box<Error>,
    },
    /// An operation on an empty list (a structure of no parts, an average of no rates).
    #[error("{operand} is empty")]
    Empty {
        /// The list that was empty.
        operand: &'static str,
    },
}

impl Error {
    /// Whether this error says a figure is a placeholder ("X", "XX", "—") rather than a number.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::Rate;
    /// assert!("XX%".parse::<Rate>().unwrap_err().is_placeholder());
    /// assert!(!"abc%".parse::<Rate>().unwrap_err().is_placeholder());
    /// ```
    pub fn is_placeholder(&self) -> bool {
        matches!(self, Error::Placeholder { .. })
    }

    pub(crate) fn overflow(operation: &'static str) -> Error {
        Error::Overflow { operation }
    }

    pub(crate) fn mismatch(left: impl ToString, right: impl ToString) -> Error {
        Error::UnitMismatch {
            left: left.to_string(),
            right: right.to_string(),
        }
    }

    pub(crate) fn domain(
        operand: &'static str,
        value: impl ToString,
        expected: &'static str,
    ) -> Error {
        Error::Domain {
            operand,
            value: value.to_string(),
            expected,
        }
    }
}

/// `Result` with the crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
