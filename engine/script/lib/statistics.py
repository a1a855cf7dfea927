def mean(data):
    data = list(data)
    if not data:
        raise StatisticsError('mean requires at least one data point')
    return sum(data) / len(data)

def fmean(data):
    data = list(data)
    return sum(data) / len(data)

def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError('no median for empty data')
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2

def mode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return max(counts, key=counts.get)

def pvariance(data):
    data = list(data)
    m = sum(data) / len(data)
    return sum((x - m) ** 2 for x in data) / len(data)

def variance(data):
    data = list(data)
    m = sum(data) / len(data)
    return sum((x - m) ** 2 for x in data) / (len(data) - 1)

def pstdev(data):
    return pvariance(data) ** 0.5

def stdev(data):
    return variance(data) ** 0.5

class StatisticsError(ValueError):
    pass
