//! What `Rate`, `PercentPoints` and `Multiple` share: a decimal that is either written (displayed
//! with its own digits) or computed (displayed rounded to the report default), and a parser for
//! "number + suffix".

use std::fmt;

use rust_decimal::Decimal;

use super::rounding::Rounding;
use crate::text::number::{normalize, scan_number, trimmed};
use crate::{Error, Result};

/// Writes `value` followed by `suffix`: as written when `written` and no precision is asked for,
/// otherwise rounded half away from zero to the formatter's precision or `default_places`.
pub(crate) fn write_figure(
    f: &mut fmt::Formatter<'_>,
    value: Decimal,
    written: bool,
    default_places: u32,
    suffix: &str,
) -> fmt::Result {
    let shown = match (f.precision(), written) {
        (Some(p), _) => Rounding::new(p as u32).apply(value),
        (None, true) => value,
        (None, false) => Rounding::new(default_places).apply(value),
    };
    crate::text::pad(f, &format!("{shown}{suffix}"))
}

/// Parses `number suffix` where `suffix` is one of `suffixes`; returns the number and the index of
/// the suffix matched.
pub(crate) fn parse_with_suffix(
    input: &str,
    suffixes: &[&str],
    expected: &'static str,
    reason: &'static str,
) -> Result<(Decimal, usize)> {
    let chars = normalize(input);
    let (start, end) = trimmed(&chars);
    let chars = &chars[..end];
    let scanned = scan_number(input, chars, start, expected)?;
    let rest: String = chars[scanned.end..].iter().collect();
    let rest = rest.trim_start();
    suffixes
        .iter()
        .position(|s| *s == rest)
        .map(|i| (scanned.value, i))
        .ok_or(Error::Parse {
            input: input.to_string(),
            expected,
            reason,
            position: scanned.end,
        })
}
