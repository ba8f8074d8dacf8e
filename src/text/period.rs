//! Periods and dates as text, both ways: "2023年1—10月", "2023年1至10月", "2023年前三季度",
//! "2023年三季度"; "2021年12月31日", "2021-12-31"; deadlines "2021年四季度", "2021年底".

use std::fmt::{self, Write};

use chrono::{Datelike, NaiveDate};

use super::number::{compact, compact_offset};
use crate::period::{Label, MAX_YEAR};
use crate::{Deadline, Error, Period, Result};

const EXPECTED: &str = "a period";
const QUARTER_NAMES: [&str; 4] = ["一", "二", "三", "四"];
/// What may stand between the months of a range: 1—10月, 1-10月, 1至10月, 1～10月, 1到10月.
const RANGE_SEPARATORS: [char; 6] = ['—', '-', '~', '至', '到', '―'];

/// Writes a period the way it was written: "2023年1—10月", "2023年前三季度", "2023年上半年".
pub(crate) fn write_period(w: &mut dyn Write, p: &Period) -> fmt::Result {
    let (first, last) = p.months();
    // Digits written by hand: a table prints a period on every line.
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut year = p.calendar_year().unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (year % 10) as u8;
        year /= 10;
        if year == 0 {
            break;
        }
    }
    w.write_str(std::str::from_utf8(&digits[at..]).unwrap_or(""))?;
    w.write_str("年")?;
    let month = |m: u8| MONTHS.get(usize::from(m)).copied().unwrap_or("");
    match p.label() {
        Label::Year => Ok(()),
        Label::Half if first == 1 => w.write_str("上半年"),
        Label::Half => w.write_str("下半年"),
        Label::Quarter => {
            let name = QUARTER_NAMES
                .get(usize::from(last / 3).saturating_sub(1))
                .unwrap_or(&"");
            w.write_str(name)?;
            w.write_str("季度")
        }
        Label::Month => {
            w.write_str(month(last))?;
            w.write_str("月")
        }
        Label::ToMonth => {
            w.write_str("1—")?;
            w.write_str(month(last))?;
            w.write_str("月")
        }
        Label::FirstThreeQuarters => w.write_str("前三季度"),
    }
}

/// The month numbers as written.
const MONTHS: [&str; 13] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

/// Parses a period; see [`Period`]'s `FromStr`.
pub(crate) fn parse_period(s: &str) -> Result<Period> {
    if let Some(e) = super::number::too_long(s, EXPECTED) {
        return Err(e);
    }
    let text = compact(s);
    let byte = |i: usize| compact_offset(s, i);
    let fail = |reason: &'static str, i: usize| Error::parse(s, EXPECTED, reason, byte(i));
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return Err(fail("expected a year such as 2023年", 0));
    }
    let year = text[..digits]
        .parse::<i32>()
        .ok()
        .filter(|y| (1..=MAX_YEAR).contains(y))
        .ok_or_else(|| fail("expected a year from 1 to 9999", 0))?;
    if !text[digits..].starts_with('年') {
        return parse_iso(s, &text, year, digits);
    }
    let rest = &text[digits + '年'.len_utf8()..];
    let start = digits + 1;
    let rest = rest.strip_suffix('份').unwrap_or(rest);
    match rest {
        "" | "度" | "全年" => return Period::year(year),
        "上半年" => return Period::half(year, 1),
        "下半年" => return Period::half(year, 2),
        "前三季度" => return Period::first_three_quarters(year),
        _ => {}
    }
    if let Some(q) = rest.strip_suffix("季度") {
        let q = q.strip_prefix('第').unwrap_or(q);
        let n = QUARTER_NAMES
            .iter()
            .position(|name| *name == q)
            .map(|i| i + 1)
            .or_else(|| q.parse::<usize>().ok())
            .and_then(|n| u8::try_from(n).ok())
            .filter(|n| (1..=4).contains(n))
            .ok_or_else(|| fail("expected a quarter 一 to 四 before 季度", start))?;
        return Period::quarter(year, n);
    }
    let months = rest.strip_suffix('月').ok_or_else(|| {
        fail(
            "expected 月, 季度, 上半年, 下半年 or 前三季度 after the year",
            start,
        )
    })?;
    let month = |t: &[char], i: usize| -> Result<u8> {
        match t.iter().collect::<String>().parse::<u8>() {
            Ok(m) if (1..=12).contains(&m) => Ok(m),
            Ok(m) => Err(Error::parse(
                s,
                EXPECTED,
                format!("expected a month from 1 to 12, found {m}"),
                byte(i),
            )),
            Err(_) => Err(fail("expected a month number such as 10月", i)),
        }
    };
    let months: Vec<char> = months.chars().collect();
    match months.iter().position(|c| RANGE_SEPARATORS.contains(c)) {
        None => Period::month(year, month(&months, start)?),
        Some(separator) => {
            if month(&months[..separator], start)? != 1 {
                return Err(fail(
                    "expected a range of months from 1月 (year to date, 1—N月)",
                    start,
                ));
            }
            // "1——10月": a doubled dash is one separator.
            let to = separator
                + months[separator..]
                    .iter()
                    .take_while(|c| RANGE_SEPARATORS.contains(c))
                    .count();
            Period::year_to_month(year, month(&months[to..], start + to)?)
        }
    }
}

/// The ISO-like forms data exports write, after the year: "" (the year), "-10" (a month),
/// "-Q3" (a quarter), "-H1" (a half), "-01/2023-10" (January through October).
fn parse_iso(s: &str, text: &str, year: i32, digits: usize) -> Result<Period> {
    let fail = |reason: &'static str| Error::parse(s, EXPECTED, reason, compact_offset(s, digits));
    const EXPECTED_FORM: &str = "expected 年 after the year (2023年1—10月), or an ISO form: 2023, 2023-10, 2023-Q3, 2023-H1, 2023-01/2023-10";
    let rest = &text[digits..];
    if rest.is_empty() {
        return Period::year(year);
    }
    let rest = rest.strip_prefix('-').ok_or_else(|| fail(EXPECTED_FORM))?;
    let two_digit_month = |t: &str| -> Option<u8> {
        (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u8>().ok())
            .flatten()
            .filter(|m| (1..=12).contains(m))
    };
    if let Some(q) = rest.strip_prefix(['Q', 'q']) {
        return match q.parse::<u8>() {
            Ok(n @ 1..=4) if q.len() == 1 => Period::quarter(year, n),
            _ => Err(fail("expected a quarter Q1 to Q4")),
        };
    }
    if let Some(h) = rest.strip_prefix(['H', 'h']) {
        return match h {
            "1" => Period::half(year, 1),
            "2" => Period::half(year, 2),
            _ => Err(fail("expected a half H1 or H2")),
        };
    }
    if let Some((from, to)) = rest.split_once('/') {
        let to_month = to
            .strip_prefix(&text[..digits])
            .and_then(|t| t.strip_prefix('-'))
            .and_then(two_digit_month);
        return match (two_digit_month(from), to_month) {
            (Some(1), Some(last)) => Period::year_to_month(year, last),
            (Some(_), Some(_)) => Err(fail(
                "expected a range from January of the same year (2023-01/2023-10)",
            )),
            _ => Err(fail(
                "expected a range of months of one year, 2023-01/2023-10",
            )),
        };
    }
    match two_digit_month(rest) {
        Some(m) => Period::month(year, m),
        None => Err(fail("expected a two-digit month 01 to 12 (2023-10)")),
    }
}

/// Writes a date as reports do: "2021年6月30日".
pub(crate) fn write_date(w: &mut dyn Write, d: NaiveDate) -> fmt::Result {
    write!(w, "{}年{}月{}日", d.year(), d.month(), d.day())
}

/// A date: 2021年12月31日, 2021-12-31, 2021/12/31, 2021.12.31 (also 2021年12月31号).
fn date(s: &str) -> Option<NaiveDate> {
    let t = compact(s);
    let t = t
        .strip_suffix('日')
        .or_else(|| t.strip_suffix('号'))
        .unwrap_or(&t);
    let parts: Vec<&str> = t.split(['年', '月', '-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] => NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

/// Parses a date, quoting the text when it is not one.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    date(s).ok_or_else(|| {
        Error::parse(
            s,
            "a date",
            "expected a date such as 2021年11月30日 or 2021-11-30",
            0,
        )
    })
}

/// Parses a deadline: a date, or a period ("2021年12月", "2021年四季度"; "2021年底" is the year).
pub(crate) fn parse_deadline(s: &str) -> Result<Deadline> {
    if let Some(d) = date(s) {
        return Ok(Deadline::Date(d));
    }
    let t = s.trim();
    let t = t
        .strip_suffix("年底")
        .or_else(|| t.strip_suffix("年末"))
        .map_or_else(|| t.to_string(), |y| format!("{y}年"));
    let t = t
        .strip_suffix('底')
        .or_else(|| t.strip_suffix('末'))
        .unwrap_or(&t);
    t.parse::<Period>().map(Deadline::Period).map_err(|_| {
        Error::parse(
            s,
            "a deadline",
            "expected a date (2021年12月31日, 2021-12-31) or a period (2021年12月, 2021年四季度)",
            0,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Period {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn forms_round_trip() {
        for s in [
            "2023年1—10月",
            "2023年前三季度",
            "2023年三季度",
            "2018年",
            "2023年上半年",
            "2023年下半年",
            "2023年10月",
            "2023年1—2月",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
        for (s, shown) in [
            ("2023年1至10月", "2023年1—10月"),
            ("2023年1-10月", "2023年1—10月"),
            ("２０２３年１－１０月份", "2023年1—10月"),
            ("2023年第三季度", "2023年三季度"),
            ("2023年3季度", "2023年三季度"),
            ("2023年度", "2023年"),
            ("2023 年 1 至 10 月", "2023年1—10月"),
            ("2023", "2023年"),
            ("2023-10", "2023年10月"),
            ("2023-Q3", "2023年三季度"),
            ("2023-H1", "2023年上半年"),
            ("2023-01/2023-10", "2023年1—10月"),
        ] {
            assert_eq!(p(s).to_string(), shown);
        }
    }

    #[test]
    fn bad_periods_quote_the_input_and_say_what_was_expected() {
        let err = |s: &str| s.parse::<Period>().unwrap_err().to_string();
        assert_eq!(
            err("2023年13月"),
            r#"cannot parse "2023年13月" as a period: expected a month from 1 to 12, found 13 (at byte 7)"#
        );
        assert_eq!(
            err("2023年1—13月"),
            r#"cannot parse "2023年1—13月" as a period: expected a month from 1 to 12, found 13 (at byte 11)"#
        );
        assert_eq!(
            err("2023/10"),
            r#"cannot parse "2023/10" as a period: expected 年 after the year (2023年1—10月), or an ISO form: 2023, 2023-10, 2023-Q3, 2023-H1, 2023-01/2023-10 (at byte 4)"#
        );
        for bad in [
            "2023-13",
            "2023-1",
            "2023-Q5",
            "2023-H3",
            "2023-02/2023-10",
            "2023-01/2022-10",
            "2023-01/2023-13",
        ] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
        assert_eq!(
            err("0年"),
            r#"cannot parse "0年" as a period: expected a year from 1 to 9999 (at byte 0)"#
        );
        for s in [
            "年",
            "2023年3—5月",
            "2023年五季度",
            "2023年春",
            "99999999999年",
        ] {
            assert!(s.parse::<Period>().unwrap_err().is_parse(), "{s}");
        }
    }
}
