//! Reform-task ledgers (改革台账) and rectification lists (整改台账).

pub(crate) mod rectification;
pub(crate) mod task;

use std::collections::HashMap;
use std::fmt;
use std::io::{Read, Write};

use chrono::NaiveDate;

use crate::io::columns::{Spec, cell_error, for_each_record, line_of};
use crate::io::csv::{csv_writer, finish, write_record};
use crate::{CsvOptions, Error, Rate, Result, Rounding};
use task::{Deadline, Task, TaskStatus, parse_date_cell};

/// A count of something done out of a count that should be: 40 of 40 tasks, 12 of 15 problems.
/// Displays as the rate at 1 place ("100.0%"), or "—" when nothing is counted.
///
/// # Examples
///
/// ```
/// use tongji::TaskRate;
/// let r = TaskRate::new(40, 44);
/// assert_eq!(r.to_string(), "90.9%");
/// assert_eq!(TaskRate::new(0, 0).to_string(), "—");
/// assert_eq!(TaskRate::new(40, 40).to_report_text(), "100%");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TaskRate {
    done: u32,
    of: u32,
}

impl TaskRate {
    /// `done` out of `of`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::TaskRate::new(1, 2).done(), 1);
    /// ```
    pub const fn new(done: u32, of: u32) -> TaskRate {
        TaskRate { done, of }
    }

    /// How many are done.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::TaskRate::new(1, 2).done(), 1);
    /// ```
    pub const fn done(&self) -> u32 {
        self.done
    }

    /// Out of how many.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::TaskRate::new(1, 2).of(), 2);
    /// ```
    pub const fn of(&self) -> u32 {
        self.of
    }

    /// `done × 100 / of`, exact; `None` when `of` is 0.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::TaskRate::new(1, 3).rate().unwrap().to_string(), "33.3%");
    /// ```
    pub fn rate(&self) -> Option<Rate> {
        let of = rust_decimal::Decimal::from(self.of);
        (self.of > 0).then(|| {
            // done and of are u32: the product and quotient always fit a decimal.
            Rate::from_percent(
                rust_decimal::Decimal::from(self.done) * rust_decimal::Decimal::ONE_HUNDRED / of,
            )
        })
    }

    /// The rate as report sentences print it: whole percentages without decimals ("100%"),
    /// others at 1 place ("90.9%").
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::TaskRate::new(40, 44).to_report_text(), "90.9%");
    /// ```
    pub fn to_report_text(&self) -> String {
        match self.rate() {
            None => "—".to_string(),
            Some(r) => {
                let shown = r.rounded(Rounding::new(1));
                if shown.percent().fract().is_zero() {
                    r.rounded(Rounding::new(0)).to_string()
                } else {
                    shown.to_string()
                }
            }
        }
    }
}

impl fmt::Display for TaskRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rate() {
            Some(r) => r.fmt(f),
            None => f.pad("—"),
        }
    }
}

/// Task counts of a ledger or of one domain.
///
/// # Examples
///
/// ```
/// # let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,优化营商环境,发改委,2021年12月,已完成,\n".as_bytes())?;
/// let c = l.summary().overall();
/// assert_eq!((c.total(), c.completed(), c.due()), (1, 1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Counts {
    total: u32,
    completed: u32,
    in_progress: u32,
    deferred: u32,
    cancelled: u32,
    not_started: u32,
    institutional: u32,
}

impl Counts {
    fn add(&mut self, task: &Task) {
        self.total += 1;
        match task.status() {
            TaskStatus::Completed => self.completed += 1,
            TaskStatus::InProgress => self.in_progress += 1,
            TaskStatus::Deferred => self.deferred += 1,
            TaskStatus::Cancelled => self.cancelled += 1,
            TaskStatus::NotStarted => self.not_started += 1,
        }
        if task.is_institutional() {
            self.institutional += 1;
        }
    }

    /// All tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().total(), 0);
    /// ```
    pub fn total(&self) -> u32 {
        self.total
    }

    /// 已完成.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().completed(), 0);
    /// ```
    pub fn completed(&self) -> u32 {
        self.completed
    }

    /// 推进中.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().in_progress(), 0);
    /// ```
    pub fn in_progress(&self) -> u32 {
        self.in_progress
    }

    /// 延期.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().deferred(), 0);
    /// ```
    pub fn deferred(&self) -> u32 {
        self.deferred
    }

    /// 取消.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().cancelled(), 0);
    /// ```
    pub fn cancelled(&self) -> u32 {
        self.cancelled
    }

    /// 未启动.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().not_started(), 0);
    /// ```
    pub fn not_started(&self) -> u32 {
        self.not_started
    }

    /// Completed tasks whose outcome form is 制度性成果.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().institutional(), 0);
    /// ```
    pub fn institutional(&self) -> u32 {
        self.institutional
    }

    /// Tasks due: total − deferred − cancelled (the denominator of 完成率).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().due(), 0);
    /// ```
    pub fn due(&self) -> u32 {
        self.total - self.deferred - self.cancelled
    }

    /// 完成率 over tasks due: completed / (total − deferred − cancelled).
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().completion_rate().to_string(), "—");
    /// ```
    pub fn completion_rate(&self) -> TaskRate {
        TaskRate::new(self.completed, self.due())
    }

    /// 完成率 over all tasks: completed / total, shown beside the other so nobody is misled.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Counts::default().completion_rate_all().of(), 0);
    /// ```
    pub fn completion_rate_all(&self) -> TaskRate {
        TaskRate::new(self.completed, self.total)
    }
}

/// A ledger's summary: overall and per domain (in the order domains first appear).
///
/// # Examples
///
/// ```
/// use tongji::Ledger;
/// let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,优化营商环境,发改委,2021年12月,已完成,\n行政体制,行政复议体制改革,司法局,2021年12月,延期,市级方案未印发\n";
/// let (ledger, bad_rows) = Ledger::read_csv(csv.as_bytes())?;
/// assert!(bad_rows.is_empty());
/// let s = ledger.summary();
/// assert_eq!(s.completion_rate().to_string(), "100.0%");
/// assert_eq!(s.completion_rate_all().to_string(), "50.0%");
/// assert_eq!(s.sentence(), "明确2大领域共计2项改革事项(其中1项延期)，1项全部完成，完成率100%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    overall: Counts,
    domains: Vec<(String, Counts)>,
}

impl Summary {
    /// The counts over all tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Ledger::default().summary().overall().total(), 0);
    /// ```
    pub fn overall(&self) -> Counts {
        self.overall
    }

    /// The counts of each domain.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Ledger::default().summary().domains().is_empty());
    /// ```
    pub fn domains(&self) -> &[(String, Counts)] {
        &self.domains
    }

    /// 完成率 over tasks due.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Ledger::default().summary().completion_rate().to_string(), "—");
    /// ```
    pub fn completion_rate(&self) -> TaskRate {
        self.overall.completion_rate()
    }

    /// 完成率 over all tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Ledger::default().summary().completion_rate_all().to_string(), "—");
    /// ```
    pub fn completion_rate_all(&self) -> TaskRate {
        self.overall.completion_rate_all()
    }

    /// The report sentence, as seed reports write it: "明确8大领域共计44项改革事项(其中4项延期)，
    /// 40项全部完成，完成率100%" — "全部完成" only when every task due is done, the parenthesis only
    /// when some were deferred or cancelled.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n经济体制,任务2,发改委,2021年12月,推进中\n".as_bytes())?;
    /// assert_eq!(l.summary().sentence(), "明确1大领域共计2项改革事项，完成1项，完成率50%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sentence(&self) -> String {
        let c = self.overall;
        let mut aside = Vec::new();
        if c.deferred > 0 {
            aside.push(format!("{}项延期", c.deferred));
        }
        if c.cancelled > 0 {
            aside.push(format!("{}项取消", c.cancelled));
        }
        let aside = if aside.is_empty() {
            String::new()
        } else {
            format!("(其中{})", aside.join("、"))
        };
        let done = if c.completed == c.due() && c.due() > 0 {
            format!("{}项全部完成", c.completed)
        } else {
            format!("完成{}项", c.completed)
        };
        format!(
            "明确{}大领域共计{}项改革事项{aside}，{done}，完成率{}",
            self.domains.len(),
            c.total,
            c.completion_rate().to_report_text()
        )
    }

    /// The per-domain table as CSV (领域,任务数,已完成,延期,取消,完成率) with a 合计 line, like a
    /// work report's 附件; `bom` for Excel.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// l.summary().write_csv(&mut out, false)?;
    /// assert_eq!(String::from_utf8(out)?, "领域,任务数,已完成,延期,取消,完成率\n经济体制,1,1,0,0,100.0%\n合计,1,1,0,0,100.0%\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, bom: bool) -> Result<()> {
        let mut w = csv_writer(writer, bom)?;
        write_record(
            &mut w,
            ["领域", "任务数", "已完成", "延期", "取消", "完成率"],
        )?;
        let line = |name: &str, c: &Counts| {
            [
                name.to_string(),
                c.total.to_string(),
                c.completed.to_string(),
                c.deferred.to_string(),
                c.cancelled.to_string(),
                c.completion_rate().to_string(),
            ]
        };
        for (name, c) in &self.domains {
            write_record(&mut w, line(name, c))?;
        }
        write_record(&mut w, line("合计", &self.overall))?;
        finish(w)
    }
}

/// What changed between two monthly snapshots of a ledger (一月一调度): tasks newly completed
/// (销号), newly overdue (挂账, to be sent a 督办单), and every status change.
///
/// # Examples
///
/// ```
/// use chrono::NaiveDate;
/// use tongji::Ledger;
/// let before = "编号,领域,任务,牵头单位,完成时限,状态\n1,经济体制,任务1,发改委,2021年10月,推进中\n2,经济体制,任务2,发改委,2021年11月,推进中\n";
/// let after = "编号,领域,任务,牵头单位,完成时限,状态\n1,经济体制,任务1,发改委,2021年10月,已完成\n2,经济体制,任务2,发改委,2021年11月,推进中\n";
/// let (last, _) = Ledger::read_csv(before.as_bytes())?;
/// let (now, _) = Ledger::read_csv(after.as_bytes())?;
/// let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
/// let c = now.changes_since(&last, d(11, 30), d(12, 31));
/// assert_eq!(c.completed().iter().map(|t| t.id()).collect::<Vec<_>>(), ["1"]);
/// assert_eq!(c.newly_overdue().iter().map(|t| t.id()).collect::<Vec<_>>(), ["2"]);
/// assert_eq!(c.status_changes()[0].to_string(), "1 任务1: 推进中 → 已完成");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changes<'a> {
    completed: Vec<&'a Task>,
    newly_overdue: Vec<&'a Task>,
    status_changes: Vec<StatusChange<'a>>,
    added: Vec<&'a Task>,
}

impl<'a> Changes<'a> {
    /// Tasks completed since the last snapshot (销号).
    ///
    /// # Examples
    ///
    /// ```
    /// let l = tongji::Ledger::default();
    /// let d = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    /// assert!(l.changes_since(&l, d, d).completed().is_empty());
    /// ```
    pub fn completed(&self) -> &[&'a Task] {
        &self.completed
    }

    /// Tasks overdue now that were not overdue (or not there) at the last snapshot (挂账).
    ///
    /// # Examples
    ///
    /// ```
    /// let l = tongji::Ledger::default();
    /// let d = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    /// assert!(l.changes_since(&l, d, d).newly_overdue().is_empty());
    /// ```
    pub fn newly_overdue(&self) -> &[&'a Task] {
        &self.newly_overdue
    }

    /// Every task whose status changed.
    ///
    /// # Examples
    ///
    /// ```
    /// let l = tongji::Ledger::default();
    /// let d = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    /// assert!(l.changes_since(&l, d, d).status_changes().is_empty());
    /// ```
    pub fn status_changes(&self) -> &[StatusChange<'a>] {
        &self.status_changes
    }

    /// Tasks that were not in the last snapshot.
    ///
    /// # Examples
    ///
    /// ```
    /// let l = tongji::Ledger::default();
    /// let d = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    /// assert!(l.changes_since(&l, d, d).added().is_empty());
    /// ```
    pub fn added(&self) -> &[&'a Task] {
        &self.added
    }
}

/// A task whose status changed between two snapshots. Displays as "id 任务: 推进中 → 已完成".
///
/// # Examples
///
/// ```
/// # use tongji::Ledger;
/// # let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,推进中\n".as_bytes())?;
/// # let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,已完成\n".as_bytes())?;
/// # let d = chrono::NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
/// let changes = b.changes_since(&a, d, d);
/// let change = &changes.status_changes()[0];
/// assert_eq!((change.from(), change.task().status()), (tongji::TaskStatus::InProgress, tongji::TaskStatus::Completed));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange<'a> {
    task: &'a Task,
    from: TaskStatus,
}

impl<'a> StatusChange<'a> {
    /// The task, as it is now.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::Ledger;
    /// # let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,推进中\n".as_bytes())?;
    /// # let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,已完成\n".as_bytes())?;
    /// # let d = chrono::NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// assert_eq!(b.changes_since(&a, d, d).status_changes()[0].task().id(), "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn task(&self) -> &'a Task {
        self.task
    }

    /// The status it had at the last snapshot.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::Ledger;
    /// # let (a, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,推进中\n".as_bytes())?;
    /// # let (b, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年,已完成\n".as_bytes())?;
    /// # let d = chrono::NaiveDate::from_ymd_opt(2021, 6, 1).unwrap();
    /// assert_eq!(b.changes_since(&a, d, d).status_changes()[0].from(), tongji::TaskStatus::InProgress);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from(&self) -> TaskStatus {
        self.from
    }
}

impl fmt::Display for StatusChange<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} → {}",
            self.task.id(),
            self.task.title(),
            self.from,
            self.task.status()
        )
    }
}

/// A reform-task ledger (改革台账): tasks with unique ids.
///
/// # Examples
///
/// ```
/// use tongji::Ledger;
/// let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,优化营商环境,发改委,2021年12月,已完成,\n行政体制,行政复议体制改革,司法局,2021年12月,延期,市级方案未印发\n";
/// let (ledger, bad_rows) = Ledger::read_csv(csv.as_bytes())?;
/// assert!(bad_rows.is_empty());
/// let s = ledger.summary();
/// assert_eq!(s.completion_rate().to_string(), "100.0%");
/// assert_eq!(s.completion_rate_all().to_string(), "50.0%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Ledger {
    tasks: Vec<Task>,
}

/// The ledger CSV's columns, in the order of [`LEDGER_SPECS`].
#[derive(Clone, Copy)]
enum Col {
    Id,
    Domain,
    Title,
    Lead,
    Responsible,
    Deadline,
    Status,
    Reason,
    Outcome,
    Documents,
    Completed,
}

const LEDGER_SPECS: [Spec; 11] = [
    Spec {
        names: &["id", "编号", "序号"],
        required: false,
    },
    Spec {
        names: &["domain", "领域", "改革领域"],
        required: true,
    },
    Spec {
        names: &["task", "任务", "改革任务", "改革事项", "title"],
        required: true,
    },
    Spec {
        names: &["lead", "牵头单位", "责任单位"],
        required: true,
    },
    Spec {
        names: &["responsible", "责任人"],
        required: false,
    },
    Spec {
        names: &["deadline", "完成时限", "时限"],
        required: true,
    },
    Spec {
        names: &["status", "状态", "完成情况"],
        required: true,
    },
    Spec {
        names: &["reason", "延期原因", "原因", "延期或取消原因"],
        required: false,
    },
    Spec {
        names: &["outcome", "成果形式"],
        required: false,
    },
    Spec {
        names: &["documents", "成果文件", "成果"],
        required: false,
    },
    Spec {
        names: &["completed", "完成日期", "完成时间"],
        required: false,
    },
];

/// The 《…》 titles in a cell; without any, the cell split at 、 ; ；.
fn documents(cell: &str) -> Vec<String> {
    let mut titles = Vec::new();
    let mut rest = cell;
    while let Some(start) = rest.find('《') {
        match rest[start..].find('》') {
            Some(end) => {
                titles.push(rest[start..start + end + '》'.len_utf8()].to_string());
                rest = &rest[start + end + '》'.len_utf8()..];
            }
            None => break,
        }
    }
    if titles.is_empty() {
        titles = cell
            .split(['、', ';', '；'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
    }
    titles
}

impl Ledger {
    /// An empty ledger.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Ledger::new().is_empty());
    /// ```
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Adds a task.
    ///
    /// # Errors
    ///
    /// [`Error::Duplicate`] when a task with the same id is already there.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, Task};
    /// let mut l = Ledger::new();
    /// l.insert(Task::new("1", "经济体制", "任务1", "发改委", "2021年12月".parse()?))?;
    /// assert!(l.insert(Task::new("1", "经济体制", "任务1", "发改委", "2021年12月".parse()?)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn insert(&mut self, task: Task) -> Result<()> {
        if self.get(task.id()).is_some() {
            return Err(Error::Duplicate {
                key: format!("task {}", task.id()),
                first_line: None,
            });
        }
        self.tasks.push(task);
        Ok(())
    }

    /// The tasks, in the order read or added.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Ledger::new().tasks().len(), 0);
    /// ```
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// The task with `id`.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Ledger::new().get("1").is_none());
    /// ```
    pub fn get(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id() == id.trim())
    }

    /// The number of tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Ledger::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Whether there are no tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Ledger::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The summary, overall and per domain.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Ledger::new().summary().overall().total(), 0);
    /// ```
    pub fn summary(&self) -> Summary {
        let mut overall = Counts::default();
        let mut domains: Vec<(String, Counts)> = Vec::new();
        for t in &self.tasks {
            overall.add(t);
            match domains.iter_mut().find(|(d, _)| d == t.domain()) {
                Some((_, c)) => c.add(t),
                None => {
                    let mut c = Counts::default();
                    c.add(t);
                    domains.push((t.domain().to_string(), c));
                }
            }
        }
        Summary { overall, domains }
    }

    /// Tasks overdue on `as_of` (not completed or cancelled, past their deadline), earliest
    /// deadline first.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年10月,推进中\n".as_bytes())?;
    /// let d = chrono::NaiveDate::from_ymd_opt(2021, 11, 1).unwrap();
    /// assert_eq!(l.overdue(d)[0].title(), "任务1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn overdue(&self, as_of: NaiveDate) -> Vec<&Task> {
        let mut out: Vec<&Task> = self.tasks.iter().filter(|t| t.is_overdue(as_of)).collect();
        out.sort_by_key(|t| t.deadline().last_day());
        out
    }

    /// Open tasks (not completed or cancelled) whose deadline falls within `days` days from
    /// `as_of` (inclusive), earliest first.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,推进中\n".as_bytes())?;
    /// let d = chrono::NaiveDate::from_ymd_opt(2021, 12, 1).unwrap();
    /// assert_eq!(l.due_within(d, 30).len(), 1);
    /// assert_eq!(l.due_within(d, 29).len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn due_within(&self, as_of: NaiveDate, days: u32) -> Vec<&Task> {
        let until = as_of
            .checked_add_days(chrono::Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MAX);
        let mut out: Vec<&Task> = self
            .tasks
            .iter()
            .filter(|t| !matches!(t.status(), TaskStatus::Completed | TaskStatus::Cancelled))
            .filter(|t| (as_of..=until).contains(&t.deadline().last_day()))
            .collect();
        out.sort_by_key(|t| t.deadline().last_day());
        out
    }

    /// What changed since `previous`, the snapshot taken on `previous_as_of`, to this one on
    /// `as_of`. Tasks are matched by id.
    ///
    /// # Examples
    ///
    /// See [`Changes`].
    ///
    /// ```
    /// let l = tongji::Ledger::new();
    /// let d = chrono::NaiveDate::from_ymd_opt(2021, 1, 1).unwrap();
    /// assert!(l.changes_since(&l, d, d).added().is_empty());
    /// ```
    pub fn changes_since<'a>(
        &'a self,
        previous: &Ledger,
        previous_as_of: NaiveDate,
        as_of: NaiveDate,
    ) -> Changes<'a> {
        let before: HashMap<&str, &Task> = previous.tasks.iter().map(|t| (t.id(), t)).collect();
        let mut changes = Changes {
            completed: Vec::new(),
            newly_overdue: Vec::new(),
            status_changes: Vec::new(),
            added: Vec::new(),
        };
        for t in &self.tasks {
            let old = before.get(t.id());
            match old {
                None => changes.added.push(t),
                Some(old) if old.status() != t.status() => {
                    changes.status_changes.push(StatusChange {
                        task: t,
                        from: old.status(),
                    });
                    if t.status() == TaskStatus::Completed {
                        changes.completed.push(t);
                    }
                }
                Some(_) => {}
            }
            if t.is_overdue(as_of) && !old.is_some_and(|o| o.is_overdue(previous_as_of)) {
                changes.newly_overdue.push(t);
            }
        }
        changes
    }

    /// Reads a ledger from CSV (same conventions as observation CSV: Chinese or English headers,
    /// UTF-8 with or without BOM, GBK with the `gbk` feature). Columns: `编号/id` (optional; the
    /// task's title serves as id without it), `领域/domain`, `任务/task`, `牵头单位/lead`,
    /// `责任人/responsible`, `完成时限/deadline`, `状态/status`, `延期原因/reason`,
    /// `成果形式/outcome`, `成果文件/documents` (《…》 titles), `完成日期/completed`. Bad rows come
    /// back with line and column; the good rows are kept.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when a required column is missing or the input cannot be read.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n行政体制,行政复议体制改革,司法局,2021年12月,延期,\n";
    /// let (l, bad) = tongji::Ledger::read_csv(csv.as_bytes())?;
    /// assert!(l.is_empty());
    /// assert!(bad[0].to_string().starts_with("line 2, column 延期原因"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<(Ledger, Vec<Error>)> {
        Ledger::read_csv_with(reader, &CsvOptions::new())
    }

    /// [`Ledger::read_csv`], strict when the options say so (the catalog is not used).
    ///
    /// # Errors
    ///
    /// As [`Ledger::read_csv`]; in strict mode also the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,完工\n";
    /// assert!(tongji::Ledger::read_csv_with(csv.as_bytes(), &tongji::CsvOptions::new().strict(true)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv_with<R: Read>(reader: R, options: &CsvOptions) -> Result<(Ledger, Vec<Error>)> {
        let mut ledger = Ledger::new();
        let mut lines: HashMap<String, u64> = HashMap::new();
        let mut bad = for_each_record(
            reader,
            &LEDGER_SPECS,
            options.is_strict(),
            |record, layout, line| {
                let field = |c: Col| layout.get(record, c as usize).unwrap_or("");
                let err = |c: Col, e: Error| cell_error(line, layout, c as usize, e);
                let deadline: Deadline = field(Col::Deadline)
                    .parse()
                    .map_err(|e| err(Col::Deadline, e))?;
                let status: TaskStatus = field(Col::Status)
                    .parse()
                    .map_err(|e| err(Col::Status, e))?;
                let title = field(Col::Title);
                if title.is_empty() {
                    return Err(err(
                        Col::Title,
                        Error::domain("task", "\"\"", "a task title"),
                    ));
                }
                let id = match field(Col::Id) {
                    "" => title,
                    id => id,
                };
                let mut task = Task::new(id, field(Col::Domain), title, field(Col::Lead), deadline)
                    .with_status(status, Some(field(Col::Reason)))
                    .map_err(|e| err(Col::Reason, e))?
                    .with_responsible(field(Col::Responsible));
                let docs = documents(field(Col::Documents));
                let doc_refs: Vec<&str> = docs.iter().map(String::as_str).collect();
                task = task.with_outcome(field(Col::Outcome), &doc_refs);
                match field(Col::Completed) {
                    "" => {}
                    text => {
                        let date = parse_date_cell(text).map_err(|e| err(Col::Completed, e))?;
                        task = task.with_completed_on(date);
                    }
                }
                if let Some(first) = lines.get(task.id()) {
                    return Err(err(
                        Col::Id,
                        Error::Duplicate {
                            key: format!("task {}", task.id()),
                            first_line: Some(*first),
                        },
                    ));
                }
                lines.insert(task.id().to_string(), line);
                ledger.tasks.push(task);
                Ok(())
            },
        )?;
        bad.sort_by_key(line_of);
        Ok((ledger, bad))
    }

    /// Writes the ledger as CSV with Chinese headers
    /// (编号,领域,任务,牵头单位,责任人,完成时限,状态,延期原因,成果形式,成果文件,完成日期); reading it
    /// back gives an equal ledger. `bom` for Excel.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// l.write_csv(&mut out, false)?;
    /// assert_eq!(tongji::Ledger::read_csv(out.as_slice())?.0, l);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, bom: bool) -> Result<()> {
        let mut w = csv_writer(writer, bom)?;
        write_record(
            &mut w,
            [
                "编号",
                "领域",
                "任务",
                "牵头单位",
                "责任人",
                "完成时限",
                "状态",
                "延期原因",
                "成果形式",
                "成果文件",
                "完成日期",
            ],
        )?;
        for t in &self.tasks {
            write_record(
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
}
