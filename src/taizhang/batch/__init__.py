"""Year-end batch (年终批量生成): every document of chosen townships and kinds, one zip."""
