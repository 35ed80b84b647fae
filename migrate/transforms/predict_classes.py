"""(stub)"""
def convert(m, row, o, u, known): return None
