//! Rectification lists (整改台账) as CSV.

use std::io::{Read, Write};
use std::str::FromStr;

use chrono::NaiveDate;

use super::columns::{Column, Spec, text};
use super::records::for_each_record;
use super::write::{csv_writer, finish, header, record};
use crate::ledger::deadline::{Deadline, parse_date_cell};
use crate::{CsvOptions, Error, Problem, ProblemStatus, Rectification, Result, WriteOptions};

pub(crate) const SOURCE: Column<()> = Column::new(0, &["source", "来源", "问题来源"], true, text);
pub(crate) const PROBLEM: Column<()> = Column::new(1, &["problem", "问题", "问题描述"], true, text);
pub(crate) const UNIT: Column<()> = Column::new(2, &["unit", "责任单位", "整改单位"], false, text);
pub(crate) const STATUS: Column<ProblemStatus> = Column::new(
    3,
    &["status", "状态", "整改情况"],
    true,
    ProblemStatus::from_str,
);
pub(crate) const DEADLINE: Column<Deadline> = Column::new(
    4,
    &["deadline", "整改时限", "完成时限"],
    false,
    Deadline::from_str,
);
pub(crate) const RECTIFIED: Column<NaiveDate> = Column::new(
    5,
    &["rectified", "整改日期", "完成日期"],
    false,
    parse_date_cell,
);

/// Every column, in order: what the reader maps and the writer writes.
pub(crate) const SPECS: [&dyn Spec; 6] = [&SOURCE, &PROBLEM, &UNIT, &STATUS, &DEADLINE, &RECTIFIED];

/// Reads a rectification list; see [`Rectification::read_csv`].
pub(crate) fn read<R: Read>(
    reader: R,
    options: &CsvOptions,
) -> Result<(Rectification, Vec<Error>)> {
    let mut list = Rectification::default();
    let bad = for_each_record(reader, &SPECS, options.reading(), |cells| {
        let status = cells.require(&STATUS)?;
        let deadline = cells.get(&DEADLINE)?;
        let rectified_on = cells.get(&RECTIFIED)?;
        list.push(Problem::new(
            cells.text(&SOURCE),
            cells.text(&PROBLEM),
            cells.text(&UNIT),
            status,
            deadline,
            rectified_on,
        ));
        Ok(())
    })?;
    Ok((list, bad))
}

/// Writes a rectification list; see [`Rectification::write_csv`].
pub(crate) fn write<W: Write>(
    list: &Rectification,
    writer: W,
    options: &WriteOptions,
) -> Result<()> {
    let mut w = csv_writer(writer, options)?;
    header(&mut w, &SPECS)?;
    for p in list.problems() {
        record(
            &mut w,
            [
                p.source().to_string(),
                p.description().to_string(),
                p.unit().to_string(),
                p.status().to_string(),
                p.deadline().map(|d| d.to_string()).unwrap_or_default(),
                p.rectified_on().map(|d| d.to_string()).unwrap_or_default(),
            ],
        )?;
    }
    finish(w)
}
