//! Reading and writing Chinese figures: fullwidth forms, separators, placeholders.

pub(crate) mod number;

use std::fmt;

/// Writes `text` honouring the formatter's width, fill and alignment, but not its precision
/// (which the figure types use for decimal places, not for truncation as `Formatter::pad` does).
pub(crate) fn pad(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let len = text.chars().count();
    let width = match f.width() {
        Some(w) if w > len => w,
        _ => return f.write_str(text),
    };
    let fill = f.fill();
    let gap = width - len;
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Left) => (0, gap),
        Some(fmt::Alignment::Center) => (gap / 2, gap - gap / 2),
        // Figures are numbers: right-aligned unless asked otherwise.
        Some(fmt::Alignment::Right) | None => (gap, 0),
    };
    for _ in 0..before {
        write!(f, "{fill}")?;
    }
    f.write_str(text)?;
    for _ in 0..after {
        write!(f, "{fill}")?;
    }
    Ok(())
}
