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

/// Serde through the display text, for the figure types.
macro_rules! serde_as_text {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                // A written figure as written; a computed one with all its digits, unrounded.
                serializer.collect_str(&self.exact_text())
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> std::result::Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use serde_as_text;
