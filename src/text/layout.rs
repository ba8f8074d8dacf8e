//! Laying text out: padding to a width without truncating, and display widths for tables.

use std::fmt::{self, Write};

/// Writes `text` honouring the formatter's width, fill and alignment, but not its precision
/// (which the figure types use for decimal places, not for truncation as `Formatter::pad` does).
/// Widths count characters, as `std` does.
pub(crate) fn pad(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let width = match f.width() {
        Some(w) => w,
        None => return f.write_str(text),
    };
    let len = text.chars().count();
    if width <= len {
        return f.write_str(text);
    }
    let fill = f.fill();
    let gap = width - len;
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Left) => (0, gap),
        Some(fmt::Alignment::Center) => (gap / 2, gap - gap / 2),
        // Figures are numbers: right-aligned unless asked otherwise.
        Some(fmt::Alignment::Right) | None => (gap, 0),
    };
    for _ in 0..before {
        f.write_char(fill)?;
    }
    f.write_str(text)?;
    for _ in 0..after {
        f.write_char(fill)?;
    }
    Ok(())
}

/// Runs `body` straight into the formatter when no width is asked for (no allocation), or into a
/// buffer that is then padded.
pub(crate) fn write_padded(
    f: &mut fmt::Formatter<'_>,
    body: impl FnOnce(&mut dyn Write) -> fmt::Result,
) -> fmt::Result {
    if f.width().is_none() {
        return body(f);
    }
    let mut text = String::new();
    body(&mut text)?;
    pad(f, &text)
}

/// Display columns of `text` in a terminal table: ASCII takes one, everything else two (CJK
/// characters, and — a choice — the ambiguous-width "—" and "·" of report text, which CJK fonts
/// draw wide).
pub(crate) fn display_width(text: &str) -> usize {
    text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Writes rows as a table whose columns are padded to the widest cell (by [`display_width`]),
/// two spaces apart, without trailing spaces.
pub(crate) fn write_table<const N: usize>(f: &mut dyn Write, rows: &[[String; N]]) -> fmt::Result {
    let widths: Vec<usize> = (0..N)
        .map(|c| rows.iter().map(|r| display_width(&r[c])).max().unwrap_or(0))
        .collect();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < N {
                let gap = widths[c] - display_width(cell) + 2;
                line.extend(std::iter::repeat_n(' ', gap));
            }
        }
        writeln!(f, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Padded(&'static str);

    impl fmt::Display for Padded {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            pad(f, self.0)
        }
    }

    #[test]
    fn pads_by_chars_and_never_truncates() {
        assert_eq!(format!("{:>6}", Padded("增长")), "    增长");
        assert_eq!(format!("{:<4}|", Padded("ab")), "ab  |");
        assert_eq!(format!("{:^5}", Padded("a")), "  a  ");
        assert_eq!(format!("{:.1}", Padded("增长4.1%")), "增长4.1%");
    }

    #[test]
    fn tables_align_wide_characters() {
        let mut out = String::new();
        write_table(
            &mut out,
            &[
                ["指标".to_string(), "本期".to_string()],
                ["gdp".to_string(), "1亿元".to_string()],
            ],
        )
        .unwrap();
        assert_eq!(out, "指标  本期\ngdp   1亿元\n");
    }
}
