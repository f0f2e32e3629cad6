"""Starting a workspace (`init`) and the next issue (`new`), as commented files non-programmers can fill."""

from newsletter.scaffold.init import Created, init_workspace
from newsletter.scaffold.new import new_issue
from newsletter.scaffold.schemas import modeline, write_schemas

__all__ = ["Created", "init_workspace", "modeline", "new_issue", "write_schemas"]
