"""Cases: motions, suggestions, petitions, opinions, assistance (议案/建议/信访/意见/救助)."""
