//! Reading the number at the start of a figure: fullwidth forms, signs, thousands separators and
//! placeholders.

use rust_decimal::Decimal;

use crate::{Error, Result};

/// Maps one character to its ASCII or canonical form: fullwidth digits and punctuation, the
/// minus signs, the ideographic space. Other characters are kept. One char in, one char out, so
/// char positions in the normalized text are char positions in the input.
pub(crate) fn normalize_char(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        '％' => '%',
        '−' | '－' | '﹣' | '‐' | '‑' => '-',
        '＋' => '+',
        '\u{3000}' | '\u{a0}' => ' ',
        'Ｘ' | 'ｘ' => 'X',
        '／' => '/',
        '～' | '〜' | '–' => '~',
        _ => c,
    }
}

/// The longest text a figure can be: 28 digits with separators, a magnitude, a unit of two parts
/// and qualifiers fit many times over. Longer text is refused before it is looked at, so a
/// 50 MB cell costs no more than its bytes.
pub(crate) const MAX_FIGURE_BYTES: usize = 512;

/// The error for text longer than any figure, or `None`.
pub(crate) fn too_long(input: &str, expected: &'static str) -> Option<Error> {
    (input.len() > MAX_FIGURE_BYTES).then(|| {
        Error::parse(
            input,
            expected,
            format!(
                "{} bytes is longer than any figure ({MAX_FIGURE_BYTES} at most)",
                input.len()
            ),
            0,
        )
    })
}

/// The input with [`normalize_char`] applied, as a vector of chars (positions are char indices).
pub(crate) fn normalize(input: &str) -> Vec<char> {
    input.chars().map(normalize_char).collect()
}

/// The input normalized and without white space, as a string (for word-level parsers).
pub(crate) fn compact(input: &str) -> String {
    input
        .chars()
        .map(normalize_char)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The byte offset in `input` of char `index` of [`compact`]`(input)`: the `index`th char of
/// `input` that is not white space (the length past the end).
pub(crate) fn compact_offset(input: &str, index: usize) -> usize {
    input
        .char_indices()
        .filter(|(_, c)| !normalize_char(*c).is_whitespace())
        .nth(index)
        .map_or(input.len(), |(b, _)| b)
}

/// The byte offset in `input` of its char number `index` (the length past the end).
pub(crate) fn byte_offset(input: &str, index: usize) -> usize {
    input
        .char_indices()
        .nth(index)
        .map_or(input.len(), |(b, _)| b)
}

/// A parse error at char `index` of `input`, reported at its byte offset.
pub(crate) fn error_at(
    input: &str,
    expected: &'static str,
    reason: impl Into<std::borrow::Cow<'static, str>>,
    index: usize,
) -> Error {
    Error::parse(input, expected, reason, byte_offset(input, index))
}

/// A number read from the start of normalized text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scanned {
    /// The value, with the scale as written ("2.50" keeps scale 2).
    pub(crate) value: Decimal,
    /// Index of the first char after the number.
    pub(crate) end: usize,
}

/// The characters a placeholder figure is made of: X, XX, ×, *, and dashes or dots.
fn is_placeholder_mark(c: char) -> bool {
    matches!(c, 'X' | 'x' | '×' | '*' | '＊')
}

/// Whether `chars[start..]` begins with a placeholder figure: X, XX, XXX, —, -, … and the like.
/// Returns the index after the placeholder.
fn placeholder_end(chars: &[char], start: usize) -> Option<usize> {
    let mut i = start;
    while i < chars.len() && is_placeholder_mark(chars[i]) {
        i += 1;
    }
    if i > start && chars.get(i).is_none_or(|c| !c.is_ascii_alphanumeric()) {
        return Some(i);
    }
    while i < chars.len() && matches!(chars[i], '—' | '―' | '-' | '…' | '.' | '?' | '？' | '~')
    {
        i += 1;
    }
    // A dash or an ellipsis is a placeholder only when no letters follow ("-" or "—亿元", not "-abc").
    (i > start && chars.get(i).is_none_or(|c| !c.is_ascii_alphanumeric())).then_some(i)
}

/// Reads an optionally signed decimal number at `start` (after surrounding spaces are trimmed by
/// the caller). Thousands separators must group by three ("1,234.5"); more digits than a `Decimal`
/// holds are an error, never rounded.
pub(crate) fn scan_number(
    input: &str,
    chars: &[char],
    start: usize,
    expected: &'static str,
) -> Result<Scanned> {
    let fail = |reason: &'static str, index: usize| error_at(input, expected, reason, index);
    let mut i = start;
    let mut text = String::with_capacity(chars.len().min(64));
    if i < chars.len() && matches!(chars[i], '+' | '-') {
        if chars[i] == '-' {
            text.push('-');
        }
        i += 1;
    }
    let digits_start = i;
    let mut group_len = 0usize; // digits since the last separator
    let mut saw_separator = false;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            text.push(c);
            group_len += 1;
            i += 1;
        } else if c == ',' && i > digits_start {
            // A thousands separator: the group before it is 1–3 digits (first) or exactly 3.
            if (!saw_separator && group_len > 3) || (saw_separator && group_len != 3) {
                return Err(fail(
                    "expected thousands separators that group digits by three",
                    i,
                ));
            }
            let next_digits = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if next_digits != 3 {
                // A comma not followed by exactly three digits ends the number (a list comma).
                break;
            }
            saw_separator = true;
            group_len = 0;
            i += 1;
        } else {
            break;
        }
    }
    if saw_separator && group_len != 3 {
        return Err(fail(
            "expected thousands separators that group digits by three",
            i,
        ));
    }
    let int_digits = i - digits_start;
    if i < chars.len() && chars[i] == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
        text.push('.');
        i += 1;
        while i < chars.len() && chars[i].is_ascii_digit() {
            text.push(chars[i]);
            i += 1;
        }
    } else if int_digits == 0 {
        if placeholder_end(chars, start).is_some() {
            return Err(Error::placeholder(input));
        }
        return Err(fail("expected a number", start));
    }
    let value = Decimal::from_str_exact(&text).map_err(|_| {
        fail(
            "expected at most 28 significant digits (a decimal's limit); the figure is not rounded",
            start,
        )
    })?;
    Ok(Scanned { value, end: i })
}

/// The span of `chars` without leading and trailing white space, as (start, end).
pub(crate) fn trimmed(chars: &[char]) -> (usize, usize) {
    let start = chars
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(chars.len());
    let end = chars
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(start, |p| p + 1);
    (start, end)
}

/// Parses text that is a whole number and nothing else ("105.9", "-0.5", "1,234"). Used where a
/// column or a context gives the unit.
pub(crate) fn parse_decimal(input: &str, expected: &'static str) -> Result<Decimal> {
    if let Some(e) = too_long(input, expected) {
        return Err(e);
    }
    let chars = normalize(input);
    let (start, end) = trimmed(&chars);
    let scanned = scan_number(input, &chars[..end], start, expected)?;
    if scanned.end != end {
        return Err(error_at(
            input,
            expected,
            "expected nothing after the number",
            scanned.end,
        ));
    }
    Ok(scanned.value)
}

/// Whether `text` is written only with ASCII digits, an optional leading '-' and at most one '.'
/// between digits; the fast path of the CSV readers. Returns the split of the number from the
/// rest ("46596.5万元" → ("46596.5", "万元")), or `None` for anything the full parser must see.
pub(crate) fn plain_number(cell: &str) -> Option<(&str, &str)> {
    let bytes = cell.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    let digits_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    if bytes.get(i) == Some(&b'.') {
        let frac_start = i + 1;
        i = frac_start;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac_start {
            return None;
        }
    }
    Some(cell.split_at(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Result<String> {
        parse_decimal(s, "a number").map(|d| d.to_string())
    }

    #[test]
    fn plain_and_signed() {
        assert_eq!(num("105.9").unwrap(), "105.9");
        assert_eq!(num("-0.5").unwrap(), "-0.5");
        assert_eq!(num("−0.5").unwrap(), "-0.5");
        assert_eq!(num("+3").unwrap(), "3");
        assert_eq!(num("2.50").unwrap(), "2.50");
    }

    #[test]
    fn fullwidth_and_spaces() {
        assert_eq!(num("１０５．９").unwrap(), "105.9");
        assert_eq!(num("\u{3000} 46596 ").unwrap(), "46596");
    }

    #[test]
    fn thousands() {
        assert_eq!(num("1,234.5").unwrap(), "1234.5");
        assert_eq!(num("1，234，567").unwrap(), "1234567");
        assert!(num("12,34").is_err());
        assert!(num("1234,567").is_err());
    }

    #[test]
    fn placeholders_are_distinct() {
        for p in ["X", "XX", "XXX", "—", "-", "…", "——", "Ｘ"] {
            assert!(num(p).unwrap_err().is_placeholder(), "{p}");
        }
        assert!(!num("abc").unwrap_err().is_placeholder());
    }

    #[test]
    fn too_many_digits_rejected() {
        assert!(num("1234567890123456789012345678901234").is_err());
        assert!(num("0.12345678901234567890123456789012").is_err());
    }

    #[test]
    fn offsets_are_bytes_of_the_input() {
        assert_eq!(
            num("12a").unwrap_err().to_string(),
            r#"cannot parse "12a" as a number: expected nothing after the number (at byte 2)"#
        );
        // Fullwidth digits are three bytes each: the 'a' after "１２" is at byte 6.
        assert!(
            num("１２a")
                .unwrap_err()
                .to_string()
                .ends_with("(at byte 6)")
        );
    }

    #[test]
    fn plain_numbers_split_from_their_unit() {
        assert_eq!(plain_number("46596.5万元"), Some(("46596.5", "万元")));
        assert_eq!(plain_number("-3"), Some(("-3", "")));
        assert_eq!(plain_number("1.万元"), None);
        assert_eq!(plain_number("万元"), None);
    }
}
