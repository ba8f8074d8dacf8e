//! Catalogs as CSV, so that a user can write out the built-in one, edit it and load it back.
//!
//! Columns: `code/代码`, `name/名称`, `unit/计量单位` ("万元", "万千瓦时"), `kind/类型` (流量, 存量,
//! 比率, 人均 or flow, stock, ratio, per_capita), and the optional `aliases/别名` (separated by 、
//! or ;), `parent/上级`, `weight/权重`, `growth/增速` (计算: may be recomputed from levels; 公布:
//! published only), `parts_complete/构成完整` (是/否).

use std::io::{Read, Write};
use std::str::FromStr;

use super::columns::{Column, Spec, text};
use super::records::{Reading, for_each_record};
use super::write::{csv_writer, finish, header, record};
use crate::{Catalog, Error, Indicator, IndicatorKind, Result, UnitSpec, WriteOptions};

const CODE: Column<()> = Column::new(0, &["code", "代码", "指标代码"], true, text);
const NAME: Column<()> = Column::new(1, &["name", "名称", "指标名称", "指标"], true, text);
const UNIT: Column<UnitSpec> =
    Column::new(2, &["unit", "计量单位", "单位"], true, UnitSpec::from_str);
const KIND: Column<IndicatorKind> = Column::new(3, &["kind", "类型"], true, parse_kind);
const ALIASES: Column<()> = Column::new(4, &["aliases", "别名"], false, text);
const PARENT: Column<()> = Column::new(5, &["parent", "上级", "上级指标"], false, text);
const WEIGHT: Column<()> = Column::new(6, &["weight", "权重", "权重指标"], false, text);
const GROWTH: Column<bool> = Column::new(7, &["growth", "增速"], false, parse_growth);
const PARTS: Column<bool> = Column::new(8, &["parts_complete", "构成完整"], false, parse_yes_no);

pub(crate) const SPECS: [&dyn Spec; 9] = [
    &CODE, &NAME, &UNIT, &KIND, &ALIASES, &PARENT, &WEIGHT, &GROWTH, &PARTS,
];

const KINDS: [(IndicatorKind, &str, &str); 4] = [
    (IndicatorKind::Flow, "流量", "flow"),
    (IndicatorKind::Stock, "存量", "stock"),
    (IndicatorKind::Ratio, "比率", "ratio"),
    (IndicatorKind::PerCapita, "人均", "per_capita"),
];

fn kind_name(kind: IndicatorKind) -> &'static str {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map_or("流量", |(_, zh, _)| zh)
}

fn parse_kind(s: &str) -> Result<IndicatorKind> {
    let t = s.trim();
    KINDS
        .iter()
        .find(|(_, zh, en)| *zh == t || en.eq_ignore_ascii_case(t))
        .map(|(k, _, _)| *k)
        .ok_or_else(|| {
            Error::parse(
                s,
                "an indicator kind",
                "expected 流量, 存量, 比率 or 人均 (flow, stock, ratio, per_capita)",
                0,
            )
        })
}

/// 计算 (growth may be recomputed from levels) or 公布 (published only).
fn parse_growth(s: &str) -> Result<bool> {
    match s.trim() {
        "计算" | "levels" | "可计算" => Ok(true),
        "公布" | "published" | "仅公布" => Ok(false),
        _ => Err(Error::parse(
            s,
            "how growth is known",
            "expected 计算 (recomputed from levels) or 公布 (published only)",
            0,
        )),
    }
}

fn parse_yes_no(s: &str) -> Result<bool> {
    match s.trim() {
        "是" | "yes" | "true" | "1" => Ok(true),
        "否" | "no" | "false" | "0" => Ok(false),
        _ => Err(Error::parse(s, "yes or no", "expected 是 or 否", 0)),
    }
}

/// Reads a catalog; see [`Catalog::read_csv`].
pub(crate) fn read<R: Read>(reader: R) -> Result<Catalog> {
    let mut catalog = Catalog::empty();
    let mut references: Vec<(u64, String)> = Vec::new();
    for_each_record(reader, &SPECS, Reading::strict(true), |cells| {
        let unit = cells.require(&UNIT)?;
        let mut indicator = Indicator::new(
            cells.text(&CODE),
            cells.text(&NAME),
            unit.unit(),
            unit.magnitude(),
            cells.require(&KIND)?,
        )
        .map_err(|e| cells.error(&NAME, e))?
        .with_growth_from_levels(cells.get(&GROWTH)?.unwrap_or(true))
        .with_parts_complete(cells.get(&PARTS)?.unwrap_or(false));
        for alias in cells
            .text(&ALIASES)
            .split(['、', ';', '；', '|'])
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            indicator = indicator.with_alias(alias);
        }
        for (column, reference) in [
            (&PARENT, cells.text(&PARENT)),
            (&WEIGHT, cells.text(&WEIGHT)),
        ] {
            if !reference.is_empty() {
                references.push((cells.line, reference.to_string()));
                indicator = if std::ptr::eq(column, &PARENT) {
                    indicator.with_parent(reference)
                } else {
                    indicator.with_weight(reference)
                };
            }
        }
        catalog.add(indicator).map_err(|e| cells.error(&CODE, e))
    })?;
    for (line, reference) in references {
        if catalog.get(&reference).is_none() {
            return Err(Error::not_found(format_args!(
                "indicator {reference:?}, named as a parent or weight"
            ))
            .at_line(line, None));
        }
    }
    Ok(catalog)
}

/// Writes a catalog; see [`Catalog::write_csv`].
pub(crate) fn write<W: Write>(catalog: &Catalog, writer: W, options: &WriteOptions) -> Result<()> {
    let mut w = csv_writer(writer, options)?;
    header(&mut w, &SPECS)?;
    for i in catalog.iter().filter(|i| !i.is_ad_hoc()) {
        let yes_no = |b: bool| if b { "是" } else { "否" };
        record(
            &mut w,
            [
                i.code().to_string(),
                i.name().to_string(),
                crate::UnitSpec::new(i.magnitude(), i.unit()).to_string(),
                kind_name(i.kind()).to_string(),
                i.aliases().join("、"),
                i.parent().unwrap_or("").to_string(),
                i.weight().unwrap_or("").to_string(),
                if i.growth_from_levels() {
                    "计算"
                } else {
                    "公布"
                }
                .to_string(),
                yes_no(i.parts_complete()).to_string(),
            ],
        )?;
    }
    finish(w)
}
