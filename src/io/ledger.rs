//! Reform-task ledgers as CSV: the task columns, and the per-domain summary table.

use std::io::{Read, Write};
use std::str::FromStr;

use chrono::NaiveDate;

use super::columns::{Column, Spec, text};
use super::records::for_each_record;
use super::write::{csv_writer, finish, header, record};
use crate::ledger::deadline::{Deadline, parse_date_cell};
use crate::text::wording;
use crate::{Counts, CsvOptions, Error, Ledger, Result, Summary, Task, TaskStatus, WriteOptions};

pub(crate) const ID: Column<()> = Column::new(0, &["id", "编号", "序号"], false, text);
pub(crate) const DOMAIN: Column<()> = Column::new(1, &["domain", "领域", "改革领域"], true, text);
pub(crate) const TITLE: Column<()> = Column::new(
    2,
    &["task", "任务", "改革任务", "改革事项", "title"],
    true,
    text,
);
pub(crate) const LEAD: Column<()> = Column::new(3, &["lead", "牵头单位", "责任单位"], true, text);
pub(crate) const RESPONSIBLE: Column<()> = Column::new(4, &["responsible", "责任人"], false, text);
pub(crate) const DEADLINE: Column<Deadline> = Column::new(
    5,
    &["deadline", "完成时限", "时限"],
    true,
    Deadline::from_str,
);
pub(crate) const STATUS: Column<TaskStatus> = Column::new(
    6,
    &["status", "状态", "完成情况"],
    true,
    TaskStatus::from_str,
);
pub(crate) const REASON: Column<()> = Column::new(
    7,
    &["reason", "延期原因", "原因", "延期或取消原因"],
    false,
    text,
);
pub(crate) const OUTCOME: Column<()> = Column::new(8, &["outcome", "成果形式"], false, text);
pub(crate) const DOCUMENTS: Column<()> =
    Column::new(9, &["documents", "成果文件", "成果"], false, text);
pub(crate) const COMPLETED: Column<NaiveDate> = Column::new(
    10,
    &["completed", "完成日期", "完成时间"],
    false,
    parse_date_cell,
);

/// Every column, in order: what the reader maps and the writer writes.
pub(crate) const SPECS: [&dyn Spec; 11] = [
    &ID,
    &DOMAIN,
    &TITLE,
    &LEAD,
    &RESPONSIBLE,
    &DEADLINE,
    &STATUS,
    &REASON,
    &OUTCOME,
    &DOCUMENTS,
    &COMPLETED,
];

/// The 《…》 titles in a cell; without any, the cell split at 、 ; ；.
fn documents(cell: &str) -> Vec<&str> {
    let mut titles = Vec::new();
    let mut rest = cell;
    while let Some(start) = rest.find('《') {
        match rest[start..].find('》') {
            Some(end) => {
                let end = start + end + '》'.len_utf8();
                titles.push(&rest[start..end]);
                rest = &rest[end..];
            }
            None => break,
        }
    }
    if titles.is_empty() {
        titles = cell
            .split(['、', ';', '；'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
    }
    titles
}

/// Reads a ledger; see [`Ledger::read_csv`].
pub(crate) fn read<R: Read>(reader: R, options: &CsvOptions) -> Result<(Ledger, Vec<Error>)> {
    let mut ledger = Ledger::new();
    let bad = for_each_record(reader, &SPECS, options.reading(), |cells| {
        let deadline = cells.require(&DEADLINE)?;
        let status = cells.require(&STATUS)?;
        let title = cells.text(&TITLE);
        if title.is_empty() {
            return Err(cells.error(&TITLE, Error::empty("the task title")));
        }
        let id = match cells.text(&ID) {
            "" => title,
            id => id,
        };
        let mut task = Task::new(id, cells.text(&DOMAIN), title, cells.text(&LEAD), deadline)
            .with_status(status, Some(cells.text(&REASON)))
            .map_err(|e| cells.error(&REASON, e))?
            .with_responsible(cells.text(&RESPONSIBLE))
            .with_outcome(cells.text(&OUTCOME), &documents(cells.text(&DOCUMENTS)));
        if let Some(date) = cells.get(&COMPLETED)? {
            task = task.with_completed_on(date);
        }
        ledger
            .insert_at(task, Some(cells.line))
            .map_err(|e| cells.error(&ID, e))
    })?;
    Ok((ledger, bad))
}

/// Writes a ledger; see [`Ledger::write_csv`].
pub(crate) fn write<W: Write>(ledger: &Ledger, writer: W, options: &WriteOptions) -> Result<()> {
    let mut w = csv_writer(writer, options)?;
    header(&mut w, &SPECS)?;
    for t in ledger.tasks() {
        record(
            &mut w,
            [
                t.id().to_string(),
                t.domain().to_string(),
                t.title().to_string(),
                t.lead().to_string(),
                t.responsible().unwrap_or_default().to_string(),
                t.deadline().to_string(),
                t.status().to_string(),
                t.reason().unwrap_or_default().to_string(),
                t.outcome_form().unwrap_or_default().to_string(),
                t.outcome_documents().join("、"),
                t.completed_on().map(|d| d.to_string()).unwrap_or_default(),
            ],
        )?;
    }
    finish(w)
}

/// Writes the per-domain summary table with a 合计 line; see [`Summary::write_csv`].
pub(crate) fn write_summary<W: Write>(
    summary: &Summary,
    writer: W,
    options: &WriteOptions,
) -> Result<()> {
    let mut w = csv_writer(writer, options)?;
    record(&mut w, wording::LEDGER_SUMMARY_HEADER)?;
    let line = |name: &str, c: &Counts| {
        [
            name.to_string(),
            c.total().to_string(),
            c.completed().to_string(),
            c.deferred().to_string(),
            c.cancelled().to_string(),
            c.completion_rate().to_string(),
        ]
    };
    for (name, c) in summary.domains() {
        record(&mut w, line(name, c))?;
    }
    record(&mut w, line(wording::TOTAL, &summary.overall()))?;
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_titles_are_split_out() {
        assert_eq!(
            documents("印发《实施方案》和《细则》"),
            ["《实施方案》", "《细则》"]
        );
        assert_eq!(documents("方案、细则；办法"), ["方案", "细则", "办法"]);
    }
}
