"""Meetings and activities: sessions, roll, votes, inspections, evaluations (会议与活动)."""
