//! `tongji chart`: an SVG of each indicator's 完成率 against 序时进度, and its 同比增长, for one
//! region and period.
//!
//! plotters' SVG backend draws without fonts, but then it would size text by an estimate that
//! takes a CJK character for the width of its three UTF-8 bytes. So the layout here measures
//! labels itself — a wide (CJK, fullwidth, ambiguous) character one em, any other 0.55 em — and
//! places every text by its anchor, leaving the glyphs to the viewer's fonts.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use tongji::{Decimal, Rate, Rounding};

use crate::Failure;
use crate::commands::region_and_period;
use crate::input::{Source, TableArgs, read_table};
use crate::output::{Out, width};

/// The fonts asked for: the CJK fonts of Windows, macOS and Linux desktops, then any sans-serif.
const FAMILY: &str =
    "Microsoft YaHei, PingFang SC, Noto Sans CJK SC, Source Han Sans SC, sans-serif";
/// The font size given to plotters, which writes `font-size` as this / 1.24.
const FONT: i32 = 18;
/// The font size an SVG viewer draws, in pixels (18 / 1.24 ≈ 14.5, rounded up).
const EM: i32 = 15;
const TITLE_FONT: i32 = 22;
const ROW: i32 = 30;
const BAR: i32 = 18;
const MARGIN: i32 = 20;
const PLOT: i32 = 420;
const GAP: i32 = 40;

/// The drawn width of `text` in pixels at [`EM`]: one em for a character a CJK terminal shows
/// two columns wide, 0.55 em for the others (digits, Latin letters, "%", ".").
pub(crate) fn text_width(text: &str) -> i32 {
    text.chars()
        .map(|c| {
            let mut buf = [0u8; 4];
            if width(c.encode_utf8(&mut buf)) >= 2 {
                EM
            } else {
                EM * 55 / 100 + 1
            }
        })
        .sum()
}

/// `value` (percent) as pixels along an axis of `length` pixels spanning `0..=max` percent.
fn pixels(value: Decimal, max: Decimal, length: i32) -> i32 {
    if max <= Decimal::ZERO {
        return 0;
    }
    let scaled = Rounding::new(0).apply(value * Decimal::from(length) / max);
    i32::try_from(i64::try_from(scaled).unwrap_or(0)).unwrap_or(0)
}

/// One indicator's bars.
struct Bar {
    name: String,
    completion: Option<Rate>,
    growth: Option<Rate>,
    growth_text: String,
}

/// `tongji chart`.
pub(crate) fn run(
    file: &Path,
    table_args: &TableArgs,
    region: Option<&str>,
    period: Option<&str>,
    output: Option<&Path>,
) -> Result<(), Failure> {
    let source = Source::read(file)?;
    let table = read_table(&source, table_args)?;
    let (region, period) = region_and_period(&table, region, period)?;
    let report = table
        .report(&region, &period)
        .map_err(|e| Failure::Input(format!("{}: {e}", source.name)))?;
    let rounding = Rounding::default();
    let bars: Vec<Bar> = report
        .lines()
        .iter()
        .map(|l| {
            let growth = l.yoy().growth();
            Bar {
                name: l.indicator().name().to_string(),
                completion: l.completion().map(|r| r.rounded(rounding)),
                growth: growth.and_then(|g| g.rate()).map(|r| r.rounded(rounding)),
                growth_text: growth.map(|g| g.to_string()).unwrap_or_default(),
            }
        })
        .collect();
    let title = format!("{region} {period} 主要指标完成情况");
    let svg = draw(&title, &period.elapsed().rounded(rounding), &bars)?;
    let mut out = Out::open(output)?;
    out.text(&svg)?;
    out.finish()
}

/// The SVG document.
fn draw(title: &str, elapsed: &Rate, bars: &[Bar]) -> Result<String, Failure> {
    let label = bars.iter().map(|b| text_width(&b.name)).max().unwrap_or(0) + 12;
    let widest = |up: bool| {
        bars.iter()
            .filter(|b| {
                b.growth
                    .is_some_and(|g| (g.percent() >= Decimal::ZERO) == up)
            })
            .map(|b| text_width(&b.growth_text) + 8)
            .max()
            .unwrap_or(0)
    };
    // Room beside each panel's bars for the figures written at their ends.
    let completion_room = text_width("100.0%") + GAP;
    let (down_room, up_room) = (widest(false), widest(true).max(text_width("无上年数") + 8));
    let panel1 = label + PLOT + completion_room;
    let panel2 = label + down_room + PLOT + up_room;
    let width = MARGIN * 2 + panel1 + panel2;
    let rows = i32::try_from(bars.len()).unwrap_or(i32::MAX / ROW - 4);
    let top = MARGIN + 40 + 28;
    let height = top + rows * ROW + MARGIN;
    let mut svg = String::new();
    {
        let size = (
            u32::try_from(width).unwrap_or(1200),
            u32::try_from(height).unwrap_or(600),
        );
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let e = |e: DrawingAreaErrorKind<_>| Failure::Input(format!("drawing the chart: {e}"));
        root.fill(&WHITE).map_err(e)?;
        let font = |size: i32, h: HPos| {
            (FAMILY, size)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(h, VPos::Center))
        };
        root.draw(&Text::new(
            title.to_string(),
            (width / 2, MARGIN + 12),
            font(TITLE_FONT, HPos::Center),
        ))
        .map_err(e)?;

        // Panel 1: 完成率, with 序时进度 as a dashed line.
        let x0 = MARGIN + label;
        let max_completion = bars
            .iter()
            .filter_map(|b| b.completion.map(|r| r.percent()))
            .chain([Decimal::ONE_HUNDRED, elapsed.percent()])
            .max()
            .unwrap_or(Decimal::ONE_HUNDRED);
        root.draw(&Text::new(
            format!("完成率（虚线：序时进度{elapsed}）"),
            (x0, MARGIN + 48),
            font(FONT, HPos::Left),
        ))
        .map_err(e)?;
        let xe = x0 + pixels(elapsed.percent(), max_completion, PLOT);
        for (i, b) in bars.iter().enumerate() {
            let y = top + i32::try_from(i).unwrap_or(0) * ROW;
            root.draw(&Text::new(
                b.name.clone(),
                (x0 - 8, y + BAR / 2),
                font(FONT, HPos::Right),
            ))
            .map_err(e)?;
            let Some(c) = b.completion else {
                root.draw(&Text::new(
                    "无目标",
                    (x0 + 4, y + BAR / 2),
                    font(FONT, HPos::Left),
                ))
                .map_err(e)?;
                continue;
            };
            let len = pixels(c.percent().max(Decimal::ZERO), max_completion, PLOT);
            let ahead = c.percent() >= elapsed.percent();
            let color = if ahead {
                RGBColor(46, 125, 50)
            } else {
                RGBColor(230, 120, 20)
            };
            root.draw(&Rectangle::new(
                [(x0, y), (x0 + len, y + BAR)],
                color.filled(),
            ))
            .map_err(e)?;
            // The figure after the bar, or after the 序时进度 line when it would cross it.
            let text = c.to_string();
            let mut at = x0 + len + 4;
            if (at - 4..at + text_width(&text) + 2).contains(&xe) {
                at = xe + 5;
            }
            root.draw(&Text::new(text, (at, y + BAR / 2), font(FONT, HPos::Left)))
                .map_err(e)?;
        }
        let bottom = top + rows * ROW;
        let mut y = top - 6;
        while y < bottom {
            root.draw(&PathElement::new(
                vec![(xe, y), (xe, (y + 6).min(bottom))],
                BLACK.stroke_width(2),
            ))
            .map_err(e)?;
            y += 10;
        }
        root.draw(&PathElement::new(
            vec![(x0, top - 6), (x0, bottom)],
            BLACK.stroke_width(1),
        ))
        .map_err(e)?;

        // Panel 2: 同比增长, bars either side of zero.
        let p0 = MARGIN + panel1 + label;
        let growths: Vec<Decimal> = bars
            .iter()
            .filter_map(|b| b.growth.map(|r| r.percent()))
            .collect();
        let most_up = growths
            .iter()
            .copied()
            .max()
            .unwrap_or(Decimal::ZERO)
            .max(Decimal::ZERO);
        let most_down = growths
            .iter()
            .copied()
            .min()
            .unwrap_or(Decimal::ZERO)
            .min(Decimal::ZERO);
        let span = (most_up - most_down).max(Decimal::ONE);
        let zero = p0 + down_room + pixels(-most_down, span, PLOT);
        root.draw(&Text::new(
            "同比增长",
            (p0, MARGIN + 48),
            font(FONT, HPos::Left),
        ))
        .map_err(e)?;
        for (i, b) in bars.iter().enumerate() {
            let y = top + i32::try_from(i).unwrap_or(0) * ROW;
            root.draw(&Text::new(
                b.name.clone(),
                (p0 - 8, y + BAR / 2),
                font(FONT, HPos::Right),
            ))
            .map_err(e)?;
            let Some(g) = b.growth else {
                root.draw(&Text::new(
                    "无上年数",
                    (zero + 4, y + BAR / 2),
                    font(FONT, HPos::Left),
                ))
                .map_err(e)?;
                continue;
            };
            let len = pixels(g.percent().abs(), span, PLOT);
            let up = g.percent() >= Decimal::ZERO;
            // Chinese convention: red for up, green for down.
            let (color, from, to) = if up {
                (RGBColor(198, 40, 40), zero, zero + len)
            } else {
                (RGBColor(46, 125, 50), zero - len, zero)
            };
            root.draw(&Rectangle::new([(from, y), (to, y + BAR)], color.filled()))
                .map_err(e)?;
            let (at, anchor) = if up {
                (to + 4, HPos::Left)
            } else {
                (from - 4, HPos::Right)
            };
            root.draw(&Text::new(
                b.growth_text.clone(),
                (at, y + BAR / 2),
                font(FONT, anchor),
            ))
            .map_err(e)?;
        }
        root.draw(&PathElement::new(
            vec![(zero, top - 6), (zero, bottom)],
            BLACK.stroke_width(1),
        ))
        .map_err(e)?;
        root.present().map_err(e)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_labels_are_one_em_a_character_and_digits_about_half() {
        assert_eq!(text_width("固定资产投资"), 6 * EM);
        assert_eq!(text_width("84.2%"), 5 * (EM * 55 / 100 + 1));
        assert!(text_width("1—10月") > text_width("1-10月"));
    }

    #[test]
    fn pixels_scale_exactly() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(pixels(d("50"), d("100"), 420), 210);
        assert_eq!(pixels(d("83.3"), d("120"), 420), 292); // 291.55 → 292
        assert_eq!(pixels(d("1"), d("0"), 420), 0);
    }
}
