"""Python client of the ModelTrust monitoring platform (docs/api.md)."""

from .client import Client, Receipt
from .errors import ProblemError
from .http import RetryPolicy

__all__ = ["Client", "ProblemError", "Receipt", "RetryPolicy"]
__version__ = "0.1.0"
