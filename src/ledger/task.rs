//! A reform task (改革任务) of a ledger: what, who, by when, and where it stands.

use chrono::NaiveDate;

use super::deadline::Deadline;
use crate::{Error, Result};

/// Where a task stands.
///
/// # Examples
///
/// ```
/// use tongji::TaskStatus;
/// assert_eq!("已完成".parse::<TaskStatus>()?, TaskStatus::Completed);
/// assert_eq!("申请延期".parse::<TaskStatus>()?, TaskStatus::Deferred);
/// assert_eq!(TaskStatus::InProgress.to_string(), "推进中");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TaskStatus {
    /// 已完成 (销号).
    Completed,
    /// 推进中.
    InProgress,
    /// 延期: deferred with approval; leaves the denominator of 完成率. Needs a reason.
    Deferred,
    /// 未启动.
    NotStarted,
    /// 取消: cancelled; leaves the denominator of 完成率. Needs a reason.
    Cancelled,
}

crate::text::words! {
    /// The Chinese word.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::TaskStatus;
    /// assert_eq!("申请延期".parse::<TaskStatus>()?.as_str(), "延期"); // read in any of its forms, written one way
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    TaskStatus, "a task status", "expected 已完成, 推进中, 延期, 未启动 or 取消",
    {
        Completed => "已完成" | "完成" | "已销号" | "completed" | "done",
        InProgress => "推进中" | "进行中" | "正在推进" | "in progress",
        Deferred => "延期" | "申请延期" | "已延期" | "deferred",
        NotStarted => "未启动" | "未开始" | "not started",
        Cancelled => "取消" | "已取消" | "cancelled" | "canceled",
    }
}

impl TaskStatus {
    /// Whether a task in this status needs a reason (延期, 取消).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Task, TaskStatus};
    /// assert!(TaskStatus::Cancelled.needs_reason());
    /// let t = Task::new("3", "社会体制", "社区协商机制", "民政局", "2021年".parse()?);
    /// assert!(t.with_status(TaskStatus::Deferred, None).unwrap_err().to_string().contains("延期原因"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn needs_reason(self) -> bool {
        matches!(self, TaskStatus::Deferred | TaskStatus::Cancelled)
    }

    /// Whether the task still counts as due (not deferred, not cancelled).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::TaskStatus;
    /// let due: Vec<TaskStatus> = ["已完成", "推进中", "延期", "未启动", "取消"]
    ///     .iter().map(|s| s.parse()).collect::<Result<Vec<TaskStatus>, _>>()?
    ///     .into_iter().filter(|s| s.is_due()).collect();
    /// assert_eq!(due, [TaskStatus::Completed, TaskStatus::InProgress, TaskStatus::NotStarted]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_due(self) -> bool {
        !self.needs_reason()
    }
}

/// A reform task of a ledger (改革台账).
///
/// # Examples
///
/// ```
/// use tongji::{Task, TaskStatus};
/// let t = Task::new("1", "经济体制", "优化营商环境", "发改委", "2021年12月".parse()?)
///     .with_status(TaskStatus::Completed, None)?
///     .with_outcome("制度性成果", &["《瑶海区2021年优化营商环境工作实施方案》"]);
/// assert!(t.is_institutional());
/// assert!(Task::new("2", "行政体制", "行政复议体制改革", "司法局", "2021年12月".parse()?)
///     .with_status(TaskStatus::Deferred, None).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Task {
    id: String,
    domain: String,
    title: String,
    lead: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    responsible: Option<String>,
    deadline: Deadline,
    status: TaskStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outcome_form: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    outcome_documents: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    completed_on: Option<NaiveDate>,
}

/// The outcome form that counts as 制度性成果.
pub(crate) const INSTITUTIONAL: &str = "制度性成果";

impl Task {
    /// A task not yet started: id, 领域, 任务, 牵头单位 and 完成时限.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::Task::new(" 7 ", "文化体制", "完善公共文化服务体系", "区委宣传部", "2021年四季度".parse()?);
    /// assert_eq!((t.id(), t.status()), ("7", tongji::TaskStatus::NotStarted)); // trimmed, not started
    /// assert_eq!(t.deadline().last_day(), tongji::NaiveDate::from_ymd_opt(2021, 12, 31).unwrap());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(id: &str, domain: &str, title: &str, lead: &str, deadline: Deadline) -> Task {
        Task {
            id: id.trim().to_string(),
            domain: domain.trim().to_string(),
            title: title.trim().to_string(),
            lead: lead.trim().to_string(),
            responsible: None,
            deadline,
            status: TaskStatus::NotStarted,
            reason: None,
            outcome_form: None,
            outcome_documents: Vec::new(),
            completed_on: None,
        }
    }

    /// With a status, and the reason a deferred or cancelled task needs.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Empty`] when a deferred or cancelled task has no reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Task, TaskStatus};
    /// let t = Task::new("3", "社会体制", "建立健全社区协商工作和运行机制", "民政局", "2021年12月".parse()?)
    ///     .with_status(TaskStatus::Deferred, Some("市级文件目前暂无进展"))?;
    /// assert_eq!(t.reason(), Some("市级文件目前暂无进展"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_status(self, status: TaskStatus, reason: Option<&str>) -> Result<Task> {
        let reason = reason
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string);
        if status.needs_reason() && reason.is_none() {
            return Err(Error::empty(
                "the reason (延期原因) a deferred or cancelled task needs",
            ));
        }
        Ok(Task {
            status,
            reason,
            ..self
        })
    }

    /// With the person responsible (责任人).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::Task::new("1", "经济体制", "任务1", "发改委", "2021年12月".parse()?).with_responsible("张三");
    /// assert_eq!(t.responsible(), Some("张三"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_responsible(self, person: &str) -> Task {
        Task {
            responsible: Some(person.trim().to_string()).filter(|p| !p.is_empty()),
            ..self
        }
    }

    /// With the outcome form (成果形式, e.g. 制度性成果) and the documents issued (《…》 titles).
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::Task::new("1", "经济体制", "任务1", "发改委", "2021年12月".parse()?)
    ///     .with_outcome("制度性成果", &["《实施办法》"]);
    /// assert_eq!(t.outcome_documents(), ["《实施办法》"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_outcome(self, form: &str, documents: &[&str]) -> Task {
        Task {
            outcome_form: Some(form.trim().to_string()).filter(|f| !f.is_empty()),
            outcome_documents: documents
                .iter()
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty())
                .collect(),
            ..self
        }
    }

    /// With the date the task was completed.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2021, 11, 30).unwrap();
    /// let t = tongji::Task::new("1", "经济体制", "任务1", "发改委", "2021年12月".parse()?).with_completed_on(d);
    /// assert_eq!(t.completed_on(), Some(d));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_completed_on(self, date: NaiveDate) -> Task {
        Task {
            completed_on: Some(date),
            ..self
        }
    }

    /// The id (编号).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// // 编号 as written in the ledger; without a 编号 column the title serves as id.
    /// assert_eq!(ledger.get("19").unwrap().id(), "19");
    /// let (no_ids, _) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,优化营商环境,发改委,2021年,已完成\n".as_bytes())?;
    /// assert_eq!(no_ids.tasks()[0].id(), "优化营商环境");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The domain (领域).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(ledger.get("19").unwrap().domain(), "行政体制");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The task (任务).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(ledger.get("19").unwrap().title(), "开展行政复议体制改革");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The lead unit (牵头单位).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(ledger.get("19").unwrap().lead(), "区司法局");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lead(&self) -> &str {
        &self.lead
    }

    /// The person responsible (责任人), if named.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::Task::new("1", "经济体制", "优化营商环境", "发改委", "2021年12月".parse()?);
    /// assert_eq!(t.responsible(), None);
    /// assert_eq!(t.with_responsible("  ").responsible(), None); // a blank name is no name
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn responsible(&self) -> Option<&str> {
        self.responsible.as_deref()
    }

    /// The deadline (完成时限).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// // Deferred to the end of 2022: chased against the new deadline.
    /// assert_eq!(ledger.get("19").unwrap().deadline().to_string(), "2022年12月");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn deadline(&self) -> Deadline {
        self.deadline
    }

    /// The status.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(ledger.get("19").unwrap().status(), tongji::TaskStatus::Deferred);
    /// assert_eq!(ledger.get("1").unwrap().status(), tongji::TaskStatus::Completed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> TaskStatus {
        self.status
    }

    /// The reason for deferral or cancellation.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert!(ledger.get("19").unwrap().reason().unwrap().starts_with("区行政复议体制改革工作根据省市部署统一推进"));
    /// assert_eq!(ledger.get("1").unwrap().reason(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// The outcome form (成果形式).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(ledger.get("1").unwrap().outcome_form(), Some("制度性成果"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome_form(&self) -> Option<&str> {
        self.outcome_form.as_deref()
    }

    /// The outcome documents (《…》 titles).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(ledger.get("1").unwrap().outcome_documents(), ["《瑶海区2021年优化营商环境工作实施方案》"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome_documents(&self) -> &[String] {
        &self.outcome_documents
    }

    /// The completion date, if recorded.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// # let (ledger, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(ledger.get("1").unwrap().completed_on(), tongji::NaiveDate::from_ymd_opt(2021, 4, 15));
    /// assert_eq!(ledger.get("19").unwrap().completed_on(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn completed_on(&self) -> Option<NaiveDate> {
        self.completed_on
    }

    /// Whether the task is completed with a 制度性成果 (an institutional outcome).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Task, TaskStatus};
    /// let t = Task::new("1", "经济体制", "优化营商环境", "发改委", "2021年".parse()?)
    ///     .with_outcome("制度性成果", &["《实施方案》"]);
    /// assert!(!t.is_institutional()); // not completed yet: 出台制度性成果 counts completed tasks only
    /// assert!(t.with_status(TaskStatus::Completed, None)?.is_institutional());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_institutional(&self) -> bool {
        self.status == TaskStatus::Completed && self.outcome_form.as_deref() == Some(INSTITUTIONAL)
    }

    /// Whether the task is overdue on `as_of`: neither completed nor cancelled, and past its
    /// deadline's last day. A deferred task is chased against its new deadline, so keep the
    /// deadline of a deferred task at the date it was deferred to.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{NaiveDate, Task, TaskStatus};
    /// let t = Task::new("1", "经济体制", "优化营商环境", "发改委", "2021年12月".parse()?);
    /// assert!(!t.is_overdue(NaiveDate::from_ymd_opt(2021, 12, 31).unwrap())); // due that day
    /// assert!(t.is_overdue(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()));
    /// let cancelled = t.with_status(TaskStatus::Cancelled, Some("上级政策调整"))?;
    /// assert!(!cancelled.is_overdue(NaiveDate::from_ymd_opt(2022, 1, 1).unwrap()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_overdue(&self, as_of: NaiveDate) -> bool {
        !matches!(self.status, TaskStatus::Completed | TaskStatus::Cancelled)
            && as_of > self.deadline.last_day()
    }
}
