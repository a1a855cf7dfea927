# A seeded "network latency" simulation, the way tutorials use random with asyncio.
import random
random.seed(1)
delays = [round(random.uniform(0.1, 0.5), 3) for _ in range(5)]
print(delays)
jobs = {f"job{i}": random.randint(1, 100) for i in range(4)}
print(jobs)
print(sorted(jobs, key=jobs.get))
print(random.random() < 0.5, random.choice(list(jobs)))
