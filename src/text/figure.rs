//! Figures as text, both ways: quantities ("2.85亿元", "200余亩", "1000万元以上") and numbers with
//! a suffix ("105.9%", "3.5‰", "2.3个百分点", "1.79倍").

use std::fmt::{self, Write};

use rust_decimal::Decimal;

use super::number::{error_at, normalize, scan_number, trimmed};
use crate::value::magnitude::BY_LENGTH;
use crate::value::quantity::Place;
use crate::{Error, Magnitude, Qualifier, Quantity, Result, Rounding, Unit};

const QUANTITY: &str = "a quantity";

/// Qualifiers written before the number ("约3万人次").
const PREFIXES: [Qualifier; 5] = [
    Qualifier::About,
    Qualifier::Nearly,
    Qualifier::Under,
    Qualifier::MoreThan,
    Qualifier::Over,
];
/// Qualifiers written after the number or the magnitude ("200余亩", "5万余元").
const INFIXES: [Qualifier; 2] = [Qualifier::Odd, Qualifier::Plus];
/// Qualifiers written after the unit ("1000万元以上").
const SUFFIXES: [Qualifier; 3] = [Qualifier::OrMore, Qualifier::OrSo, Qualifier::Odd];

fn strip_word(chars: &[char], at: usize, word: &str) -> Option<usize> {
    let mut i = at;
    for w in word.chars() {
        if chars.get(i) != Some(&w) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// Parses a figure with a unit: `[约|近|超|逾] number [余|多] [magnitude] [余|多] unit [以上|左右|余]`.
pub(crate) fn parse_quantity(s: &str) -> Result<Quantity> {
    if let Some(e) = super::number::too_long(s, "a quantity") {
        return Err(e);
    }
    let chars = normalize(s);
    let (start, end) = trimmed(&chars);
    let chars = &chars[..end];
    let mut qualifier = None;
    let mut i = start;
    for q in PREFIXES {
        if let Some(next) = strip_word(chars, i, q.as_str()) {
            qualifier = Some((q, Place::BeforeNumber));
            i = next;
            break;
        }
    }
    let scanned = scan_number(s, chars, i, QUANTITY)?;
    let value = scanned.value;
    i = scanned.end;
    if qualifier.is_none() {
        for q in INFIXES {
            if let Some(next) = strip_word(chars, i, q.as_str()) {
                qualifier = Some((q, Place::AfterNumber));
                i = next;
                break;
            }
        }
    }
    // The suffix: a unit alone ("个" is the unit, not the magnitude), or magnitude + unit.
    let mut rest_end = end;
    if qualifier.is_none() {
        for q in SUFFIXES {
            let w = q.as_str().chars().count();
            if rest_end >= i + w
                && chars[rest_end - w..rest_end]
                    .iter()
                    .copied()
                    .eq(q.as_str().chars())
            {
                qualifier = Some((q, Place::AfterUnit));
                rest_end -= w;
                break;
            }
        }
    }
    let rest: String = chars[i..rest_end].iter().collect();
    let rest = rest.trim_start();
    if rest.is_empty() {
        return Err(error_at(
            s,
            QUANTITY,
            "expected a unit after the number (元, 万元, 公斤, 亩, 人次, 项 …)",
            rest_end,
        ));
    }
    let (magnitude, unit) = match Unit::lookup(rest.trim()) {
        Some(unit) => (Magnitude::One, unit),
        None => match magnitude_and_unit(rest, &mut qualifier) {
            Some(found) => found,
            None => {
                let unit = BY_LENGTH
                    .iter()
                    .find_map(|m| rest.strip_prefix(m.as_str()))
                    .unwrap_or(rest);
                if unit.is_empty() {
                    return Err(error_at(
                        s,
                        QUANTITY,
                        "expected a unit after the magnitude (万元, 亿元, 万千瓦时 …); a table reads such a figure in its column's or indicator's unit",
                        rest_end,
                    ));
                }
                return Err(Error::unknown_unit(s, unit));
            }
        },
    };
    Quantity::written(value, magnitude, unit, qualifier)
}

/// "万元" → (万, 元); "万余元" → (万, 元) with 余 after the magnitude.
fn magnitude_and_unit(
    rest: &str,
    qualifier: &mut Option<(Qualifier, Place)>,
) -> Option<(Magnitude, Unit)> {
    for m in BY_LENGTH {
        let Some(after) = rest.strip_prefix(m.as_str()) else {
            continue;
        };
        let infix = INFIXES
            .iter()
            .find(|q| qualifier.is_none() && after.starts_with(q.as_str()));
        let after_word = infix.map_or(after, |q| &after[q.as_str().len()..]);
        if let Some(unit) = Unit::lookup(after_word.trim()) {
            if let Some(q) = infix {
                *qualifier = Some((*q, Place::AfterMagnitude));
            }
            return Some((m, unit));
        }
    }
    None
}

/// Parses a unit cell: a unit with an optional magnitude before it ("万元", "亿元", "公斤", "万人次"),
/// and nothing else — no number, no qualifier (a "0.5亿元" or "余亩" unit cell is refused, never
/// folded into the value).
pub(crate) fn parse_unit_cell(s: &str) -> Result<(Magnitude, Unit)> {
    const EXPECTED: &str = "a unit";
    let t = s.trim();
    if let Some(i) = t.find(|c: char| super::number::normalize_char(c).is_ascii_digit()) {
        return Err(error_at(
            s,
            EXPECTED,
            "expected a unit such as 万元 without a number",
            t[..i].chars().count(),
        ));
    }
    if let Some(unit) = Unit::lookup(t) {
        return Ok((Magnitude::One, unit));
    }
    let mut qualifier = None;
    match magnitude_and_unit(t, &mut qualifier) {
        Some(found) if qualifier.is_none() => Ok(found),
        Some(_) => Err(error_at(
            s,
            EXPECTED,
            "expected a unit without 余 or 多 (a qualifier belongs with the figure)",
            0,
        )),
        None if INFIXES
            .iter()
            .chain(&SUFFIXES)
            .any(|q| t.starts_with(q.as_str()) || t.ends_with(q.as_str())) =>
        {
            Err(error_at(
                s,
                EXPECTED,
                "expected a unit without 余, 多, 以上 or 左右 (a qualifier belongs with the figure)",
                0,
            ))
        }
        None => {
            let unit = BY_LENGTH
                .iter()
                .find_map(|m| t.strip_prefix(m.as_str()))
                .unwrap_or(t);
            Err(Error::unknown_unit(s, unit))
        }
    }
}

/// Writes `q` with `value` in place of its value (the shown digits): qualifier words where they
/// were written, the magnitude, the unit.
pub(crate) fn write_quantity(w: &mut dyn Write, q: &Quantity, value: Decimal) -> fmt::Result {
    write!(
        w,
        "{}{}{}{}{}{}{}",
        q.qualifier_at(Place::BeforeNumber),
        value,
        q.qualifier_at(Place::AfterNumber),
        q.magnitude().as_str(),
        q.qualifier_at(Place::AfterMagnitude),
        q.unit(),
        q.qualifier_at(Place::AfterUnit),
    )
}

/// The value a figure type shows: as written when `written` and no precision is asked for,
/// otherwise rounded half away from zero to the formatter's precision or `default_places`.
pub(crate) fn shown(
    value: Decimal,
    written: bool,
    default_places: u32,
    precision: Option<usize>,
) -> Decimal {
    match (precision, written) {
        (Some(p), _) => Rounding::new(u32::try_from(p).unwrap_or(u32::MAX)).apply(value),
        (None, true) => value,
        (None, false) => Rounding::new(default_places).apply(value),
    }
}

/// Writes a figure type's `value` followed by `suffix`, by the rule of [`shown`], padded.
pub(crate) fn write_figure(
    f: &mut fmt::Formatter<'_>,
    value: Decimal,
    written: bool,
    default_places: u32,
    suffix: &str,
) -> fmt::Result {
    let value = shown(value, written, default_places, f.precision());
    super::layout::write_padded(f, |w| write!(w, "{value}{suffix}"))
}

/// Parses `number suffix` where `suffix` is one of `suffixes`; returns the number and the index of
/// the suffix matched.
pub(crate) fn parse_with_suffix(
    input: &str,
    suffixes: &[&str],
    expected: &'static str,
    reason: &'static str,
) -> Result<(Decimal, usize)> {
    if let Some(e) = super::number::too_long(input, expected) {
        return Err(e);
    }
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
        .ok_or_else(|| error_at(input, expected, reason, scanned.end))
}
