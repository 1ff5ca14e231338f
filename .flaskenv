FLASK_APP=quizapp
