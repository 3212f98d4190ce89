"""Typed models, one per kind of document data."""

from __future__ import annotations

from docgen.data.models.annual_plan import AnnualPlan, Goals, ScheduleEntry, Task
from docgen.data.models.appraisal import (
    AppraisalMember,
    DemocraticAppraisal,
    Tally,
    TallyRow,
)
from docgen.data.models.branch import (
    Branch,
    BranchLinked,
    BranchRef,
    College,
    CommitteeMember,
    Member,
    PartyGroup,
    University,
)
from docgen.data.models.common import Person, Section, SectionItem, Signoff
from docgen.data.models.development import Candidate, Development
from docgen.data.models.dues import Dues, DuesMember, Payment, Reduction, Remittance
from docgen.data.models.meeting import Absentee, Attendance, TimeSpan
from docgen.data.models.minutes import (
    FollowUp,
    Minutes,
    OutlineItem,
    Proceeding,
    SpeechRecord,
    Vote,
)
from docgen.data.models.org_life import (
    Appraisal,
    BranchReview,
    Criticism,
    MemberReview,
    OrgLifeFields,
    OrgLifeMeeting,
    Preparation,
)
from docgen.data.models.rectification import (
    LedgerRow,
    Problem,
    ProblemRow,
    Rectification,
    ResponsibilityRow,
    Step,
    TaskRow,
)
from docgen.data.models.report import Report
from docgen.data.models.roster import Roster, RosterRow
from docgen.data.models.speech import Closing, Opening, Point, Speech

#: Any top-level document model.
Document = (
    Branch
    | University
    | Roster
    | Minutes
    | OrgLifeMeeting
    | Rectification
    | AnnualPlan
    | Speech
    | Report
    | Dues
    | Development
    | DemocraticAppraisal
)

__all__ = [
    "Absentee",
    "AnnualPlan",
    "Appraisal",
    "AppraisalMember",
    "Attendance",
    "Branch",
    "BranchLinked",
    "BranchRef",
    "BranchReview",
    "Candidate",
    "Closing",
    "College",
    "CommitteeMember",
    "Criticism",
    "DemocraticAppraisal",
    "Development",
    "Document",
    "Dues",
    "DuesMember",
    "FollowUp",
    "Goals",
    "LedgerRow",
    "Member",
    "MemberReview",
    "Minutes",
    "Opening",
    "OrgLifeFields",
    "OrgLifeMeeting",
    "OutlineItem",
    "PartyGroup",
    "Payment",
    "Person",
    "Point",
    "Preparation",
    "Problem",
    "ProblemRow",
    "Proceeding",
    "Rectification",
    "Reduction",
    "Remittance",
    "Report",
    "ResponsibilityRow",
    "Roster",
    "RosterRow",
    "ScheduleEntry",
    "Section",
    "SectionItem",
    "Signoff",
    "Speech",
    "SpeechRecord",
    "Step",
    "Tally",
    "TallyRow",
    "Task",
    "TaskRow",
    "TimeSpan",
    "University",
    "Vote",
]
