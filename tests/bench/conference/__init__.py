"""The parts of `tests/bench/bench_conference.py`: the conference load test (see its docstring).

http      the minimal HTTP/1.1 client the simulated participants use
members   the simulated participants: streams, paced writes, votes, the worker process entry
clients   the worker processes seen from the main process: flags, queue, results
ceiling   the trivial-endpoint throughput measurement
server    starting uvicorn, the schema, the open-file limit, ports, CPU accounting
session   creating the session and its participants through the API
report    percentiles, formatting, the analysis and printing of results
"""
